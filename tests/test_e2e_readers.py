"""End to end, who a reply is written for (issue 21, items 4 and 6): one script per reply,
Taiwan's or Hong Kong's forms as the server chose, and English labels for English readers."""

from __future__ import annotations

from typing import Any

from bot.discord import i18n
from bot.discord.client import SagaBot
from bot.discord.render import reply_embed
from bot.discord.scripts import Reader
from bot.engine import labels
from bot.engine.answer import Engine
from bot.engine.script import detect_script
from bot.exts.lookup.timeline import timeline_source
from bot.text import to_script
from tests.fakediscord import (
    CHANNEL_MESSAGE,
    DEFERRED_CHANNEL_MESSAGE,
    EPHEMERAL,
    MANAGE_GUILD,
    MEMBER_PERMISSIONS,
    UPDATE_MESSAGE,
    FakeDiscord,
)
from tests.test_e2e_interactions import answered, buttons

# Mainland words a zh-TW reader must never see in the bot's own text.
MAINLAND_WORDS = ("服務器", "默認", "消息", "設置", "頻道里", "字體")


def chrome(embed: dict[str, Any]) -> list[str]:
    """The bot's own words in an embed: title, field names, footer (not the answer or quotes)."""
    return [embed.get("title", ""), embed.get("footer", {}).get("text", "")] + [
        f["name"] for f in embed.get("fields", [])
    ]


async def test_a_taiwan_user_pressing_a_suggestion_reads_one_script(
    fake_discord: FakeDiscord, saga: SagaBot, engine: Engine
) -> None:
    asker, reader = fake_discord.add_user("asker"), fake_discord.add_user("reader")
    message = await fake_discord.send_message("Sam Altman的妻子是谁？", author=asker)
    sent = await fake_discord.reply_to(message)
    suggestion = buttons(sent.body)[0]
    assert detect_script(suggestion["label"]) == "simplified"

    press = await fake_discord.press(sent.response, suggestion["custom_id"], user=reader, locale="zh-TW")
    await answered(fake_discord, press, DEFERRED_CHANNEL_MESSAGE)
    (embed,) = (await fake_discord.followup(press)).body["embeds"]
    # Title (the suggestion), answer, labels and article titles: all traditional.
    assert embed["title"] == to_script(suggestion["label"], "traditional")
    for text in [embed["description"], *chrome(embed)]:
        assert detect_script(text) in ("traditional", None), text


async def test_taiwan_clients_read_taiwan_words(fake_discord: FakeDiscord, saga: SagaBot) -> None:
    admin = fake_discord.add_user("admin", permissions=MEMBER_PERMISSIONS | MANAGE_GUILD)
    listed = await fake_discord.slash(
        "askchannel", [{"name": "list", "type": 1, "options": []}], user=admin, locale="zh-TW"
    )
    content = (await answered(fake_discord, listed, CHANNEL_MESSAGE)).body["data"]["content"]
    assert content == "這個伺服器還沒有提問頻道。"

    member = fake_discord.add_user("member")
    refused = await fake_discord.slash(
        "askchannel", [{"name": "add", "type": 1, "options": []}], user=member, locale="zh-TW"
    )
    content = (await answered(fake_discord, refused, CHANNEL_MESSAGE)).body["data"]["content"]
    assert content == "只有擁有「管理伺服器」權限的成員可以設定提問頻道。"
    assert not any(word in content for word in MAINLAND_WORDS)


async def test_admins_choose_hong_kong_forms_for_their_server(
    fake_discord: FakeDiscord, saga: SagaBot, engine: Engine
) -> None:
    question = "蘇茨克維的老師是誰"
    taiwan = engine.ask(question, override="traditional")
    hong_kong = to_script(taiwan.answer, "traditional", "hk")
    assert "裡" in taiwan.answer and "裏" in hong_kong  # the two forms differ for this answer

    admin = fake_discord.add_user("admin", permissions=MEMBER_PERMISSIONS | MANAGE_GUILD)
    chosen = await fake_discord.slash("variant", [{"name": "forms", "type": 3, "value": "hk"}], user=admin)
    callback = await answered(fake_discord, chosen, CHANNEL_MESSAGE)
    assert callback.body["data"]["flags"] == EPHEMERAL
    assert callback.body["data"]["content"] == i18n.VARIANT_SET.format(variant=i18n.VARIANT_HK)
    assert await saga.storage.get_guild_variant(fake_discord.guild_id) == "hk"

    message = await fake_discord.send_message(question, author=fake_discord.add_user("reader"))
    (embed,) = (await fake_discord.reply_to(message)).body["embeds"]
    assert embed["description"] == hong_kong

    # Only admins: a member's attempt changes nothing.
    member = fake_discord.add_user("member")
    refused = await fake_discord.slash("variant", [{"name": "forms", "type": 3, "value": "tw"}], user=member)
    assert (await answered(fake_discord, refused, CHANNEL_MESSAGE)).body["data"]["flags"] == EPHEMERAL
    assert await saga.storage.get_guild_variant(fake_discord.guild_id) == "hk"


async def test_an_english_question_gets_english_labels_and_a_chinese_answer(
    fake_discord: FakeDiscord, saga: SagaBot, engine: Engine
) -> None:
    user = fake_discord.add_user("english")
    question = "When did Mira Murati leave OpenAI?"
    interaction = await fake_discord.slash(
        "ask", [{"name": "question", "type": 3, "value": question}], user=user, locale="zh-CN"
    )
    await answered(fake_discord, interaction, DEFERRED_CHANNEL_MESSAGE)
    followup = await fake_discord.followup(interaction)
    (embed,) = followup.body["embeds"]
    reply = engine.ask(question, override="simplified")
    assert reply.answered and embed["description"] == reply.answer  # the answer stays Chinese
    # Each article named once by its own title, outlet and date; no Chinese label around them.
    assert embed["fields"] and not any(f["name"].startswith(labels.SOURCE) for f in embed["fields"])
    assert [b["label"] for b in buttons(followup.body)] == ["Show original", "Delete"]


async def test_an_english_locale_gets_english_help_errors_and_declines(
    fake_discord: FakeDiscord, saga: SagaBot, engine: Engine
) -> None:
    user = fake_discord.add_user("english")
    help_ = await fake_discord.slash("help", user=user, locale="en-US")
    (embed,) = (await answered(fake_discord, help_, CHANNEL_MESSAGE)).body["data"]["embeds"]
    assert embed["description"] == i18n.ENGLISH[i18n.HELP_INTRO]

    bad = await fake_discord.slash(
        "on", [{"name": "date", "type": 3, "value": "yesterday"}], user=user, locale="en-GB"
    )
    content = (await answered(fake_discord, bad, CHANNEL_MESSAGE)).body["data"]["content"]
    assert content == i18n.ENGLISH[i18n.DATE_FORMATS].format(value="yesterday")

    # A decline is the bot's own words: English; its suggestions are questions to ask: Chinese.
    asked = await fake_discord.slash(
        "ask",
        [{"name": "question", "type": 3, "value": "What is the weather today?"}],
        user=user,
        locale="en-US",
    )
    await answered(fake_discord, asked, DEFERRED_CHANNEL_MESSAGE)
    (embed,) = (await fake_discord.followup(asked)).body["embeds"]
    assert embed["description"] == i18n.ENGLISH[labels.NOT_COVERED]
    expected = reply_embed(engine.ask("What is the weather today?", override="simplified"), engine)
    assert expected.description != embed["description"]


async def test_a_greeting_says_how_to_ask_on_discord(fake_discord: FakeDiscord, saga: SagaBot) -> None:
    user = fake_discord.add_user("newcomer")
    hello = await fake_discord.send_message("你好", author=user)
    (embed,) = (await fake_discord.reply_to(hello)).body["embeds"]
    assert embed["description"] == i18n.HELP_INTRO + "\n" + i18n.HELP_GREETING
    assert "直接提问即可" not in embed["description"]  # a plain message is not answered everywhere
    # In traditional, with Taiwan's words (訊息, not 消息) and the command as zh-TW shows it.
    taiwan = await fake_discord.send_message("你好嗎", author=user)
    (embed,) = (await fake_discord.reply_to(taiwan)).body["embeds"]
    assert embed["description"].endswith(i18n.chinese_label(i18n.HELP_GREETING, "traditional", "tw"))
    assert "訊息" in embed["description"] and "/幫助" in embed["description"]


async def test_show_original_for_an_english_clicker(fake_discord: FakeDiscord, saga: SagaBot) -> None:
    asker, reader = fake_discord.add_user("asker"), fake_discord.add_user("reader")
    message = await fake_discord.send_message("奥特曼什么时候被解雇？", author=asker)
    reply = await fake_discord.reply_to(message)
    button = buttons(reply.body)[0]
    press = await fake_discord.press(reply.response, button["custom_id"], user=reader, locale="en-US")
    (embed,) = (await fake_discord.callback(press)).body["data"]["embeds"]
    assert embed["title"] == "Original (as the articles wrote it)"
    assert embed["fields"]  # each article's heading, its quotes verbatim


async def test_a_page_turned_keeps_the_servers_forms(
    fake_discord: FakeDiscord, saga: SagaBot, engine: Engine
) -> None:
    """A page button rebuilds its listing in the server's traditional forms, as /timeline wrote it."""
    await saga.storage.set_guild_variant(fake_discord.guild_id, "hk")
    user = fake_discord.add_user("reader")
    interaction = await fake_discord.slash("timeline", user=user, locale="zh-TW")
    callback = await answered(fake_discord, interaction, CHANNEL_MESSAGE)
    hong_kong = timeline_source(engine, "||", Reader("traditional", "hk"))
    taiwan = timeline_source(engine, "||", Reader("traditional", "tw"))
    differ = [i for i, page in enumerate(hong_kong) if page.to_dict() != taiwan[i].to_dict()]
    assert differ  # else this test could not tell the forms apart
    message = callback.response["resource"]["message"]
    # A jump (rebuilt from the custom_id alone) to a page that reads differently in the two.
    (jump,) = [c for c in buttons(callback.body["data"]) if c["custom_id"].startswith("saga:jump:")]
    target = next(int(o["value"]) for o in jump["options"] if int(o["value"]) in differ)
    press = await fake_discord.press(
        message, jump["custom_id"], user=user, locale="zh-TW", values=[str(target)]
    )
    update = await answered(fake_discord, press, UPDATE_MESSAGE)
    assert update.body["data"]["embeds"] == [hong_kong[target].to_dict()]
