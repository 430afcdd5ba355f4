"""End to end, the lookups of issue 21 (items 3, 5, 7 and 14): autocomplete, /help, dates the
Chinese way, the "Ask saga-bot" message menu, /about and /askchannel's checks."""

from __future__ import annotations

import discord

from bot.discord import i18n
from bot.discord.client import SagaBot
from bot.engine import labels
from bot.engine.answer import Engine
from tests.fakediscord import (
    AUTOCOMPLETE_RESULT,
    CHANNEL_MESSAGE,
    DEFERRED_CHANNEL_MESSAGE,
    EPHEMERAL,
    MANAGE_GUILD,
    MEMBER_PERMISSIONS,
    UPDATE_MESSAGE,
    FakeDiscord,
)
from tests.helpers import assert_within_limits
from tests.test_e2e_interactions import answered

ADMIN = MEMBER_PERMISSIONS | MANAGE_GUILD
EMBED_LINKS = 1 << 14


# -- item 3: autocomplete -------------------------------------------------------------------


async def test_empty_autocomplete_offers_the_main_figures_in_the_users_script(
    fake_discord: FakeDiscord, saga: SagaBot
) -> None:
    user = fake_discord.add_user("typist")
    typed = await fake_discord.autocomplete("who", "person", "", user=user, locale="zh-TW")
    choices = (await answered(fake_discord, typed, AUTOCOMPLETE_RESULT)).body["data"]["choices"]
    assert [c["name"] for c in choices[:3]] == [
        "薩姆·奧爾特曼 (Sam Altman)",
        "伊利亞·蘇茨克維 (Ilya Sutskever)",
        "米拉·穆拉蒂 (Mira Murati)",
    ]
    assert len(choices) == 25 and len({c["value"] for c in choices}) == 25


# -- item 5: /help --------------------------------------------------------------------------


async def test_help_lists_commands_as_the_client_shows_them_and_where_to_ask(
    fake_discord: FakeDiscord, saga: SagaBot
) -> None:
    await saga.tree.sync()  # as `saga-bot sync` does: Discord gives every command an id
    ids = {c["name"]: c["id"] for c in fake_discord.commands[None]}
    channel = fake_discord.channel_ids[2]
    await saga.storage.add_ask_channel(fake_discord.guild_id, channel)
    user = fake_discord.add_user("newcomer")

    help_ = await fake_discord.slash("help", user=user, locale="zh-CN")
    (embed,) = (await answered(fake_discord, help_, CHANNEL_MESSAGE)).body["data"]["embeds"]
    where, commands = embed["fields"]
    assert where["name"] == i18n.HELP_WHERE
    assert "提到我" in where["value"] and f"<#{channel}>" in where["value"]
    assert "直接提问即可" not in str(embed)  # a plain message outside ask channels is not answered
    lines = commands["value"].split("\n")
    assert lines[0] == f"</提问:{ids['ask']}> — 提一个问题"
    assert f"</人物资料:{ids['who']}>" in commands["value"]
    assert f"</提问频道 添加:{ids['askchannel']}>" in commands["value"]
    assert lines[-1] == i18n.HELP_CONTEXT_MENU.format(name="问问 saga-bot")

    english = await fake_discord.slash("help", user=user, locale="en-US")
    (embed,) = (await answered(fake_discord, english, CHANNEL_MESSAGE)).body["data"]["embeds"]
    assert embed["fields"][1]["value"].split("\n")[0] == f"</ask:{ids['ask']}> — ask a question"

    taiwan = await fake_discord.slash("help", user=user, locale="zh-TW")
    (embed,) = (await answered(fake_discord, taiwan, CHANNEL_MESSAGE)).body["data"]["embeds"]
    assert f"</提問頻道 新增:{ids['askchannel']}>" in embed["fields"][1]["value"]


# -- item 7: dates --------------------------------------------------------------------------


async def test_dates_the_chinese_way(fake_discord: FakeDiscord, saga: SagaBot, engine: Engine) -> None:
    user = fake_discord.add_user("reader")
    on = await fake_discord.slash("on", [{"name": "date", "type": 3, "value": "11月17日"}], user=user)
    (embed,) = (await answered(fake_discord, on, CHANNEL_MESSAGE)).body["data"]["embeds"]
    assert embed["title"] == labels.ON_TITLE.format(date="2023年11月17日")
    assert len(embed["fields"]) == len(engine.on("2023-11-17"))

    timeline = await fake_discord.slash(
        "timeline",
        [
            {"name": "from", "type": 3, "value": "2023年11月"},
            {"name": "to", "type": 3, "value": "2023年11月17日"},
        ],
        user=user,
    )
    (embed,) = (await answered(fake_discord, timeline, CHANNEL_MESSAGE)).body["data"]["embeds"]
    dates = [field["name"].split(" ")[0] for field in embed["fields"]]
    assert dates and all(d[:7] in ("2023", "2023-11") and d <= "2023-11-17" for d in dates)

    # 11月 has events in two years: the user is asked which.
    ambiguous = await fake_discord.slash("on", [{"name": "date", "type": 3, "value": "11月"}], user=user)
    data = (await answered(fake_discord, ambiguous, CHANNEL_MESSAGE)).body["data"]
    assert data["flags"] == EPHEMERAL
    assert data["content"] == i18n.DATE_AMBIGUOUS.format(date="11月", options="2022年11月、2023年11月")


async def test_date_autocomplete_offers_days_and_months_with_events(
    fake_discord: FakeDiscord, saga: SagaBot
) -> None:
    user = fake_discord.add_user("typist")
    typed = await fake_discord.autocomplete("on", "date", "11月1", user=user)
    choices = (await answered(fake_discord, typed, AUTOCOMPLETE_RESULT)).body["data"]["choices"]
    assert [c["value"] for c in choices] == ["2023-11-16", "2023-11-17", "2023-11-18", "2023-11-19"]
    assert choices[1]["name"] == "2023年11月17日(5 件事)"


# -- item 14: the message menu, /about, /askchannel -----------------------------------------


async def test_ask_saga_bot_on_any_message(fake_discord: FakeDiscord, saga: SagaBot, engine: Engine) -> None:
    author, asker = fake_discord.add_user("author"), fake_discord.add_user("asker")
    message = fake_discord.message_payload("奥特曼什么时候被解雇？", author=author)
    chosen = await fake_discord.message_menu("Ask saga-bot", message, user=asker)
    await answered(fake_discord, chosen, DEFERRED_CHANNEL_MESSAGE)
    (embed,) = (await fake_discord.followup(chosen)).body["embeds"]
    assert embed["description"] == engine.ask("奥特曼什么时候被解雇？", override="simplified").answer

    empty = await fake_discord.message_menu(
        "Ask saga-bot", fake_discord.message_payload("", author=author), user=asker
    )
    data = (await answered(fake_discord, empty, CHANNEL_MESSAGE)).body["data"]
    assert data["flags"] == EPHEMERAL and data["content"] == i18n.ASK_MENU_EMPTY


async def test_about(fake_discord: FakeDiscord, saga: SagaBot, engine: Engine) -> None:
    about = await fake_discord.slash("about", user=fake_discord.add_user("curious"))
    data = (await answered(fake_discord, about, CHANNEL_MESSAGE)).body["data"]
    assert data["flags"] == EPHEMERAL
    (embed,) = data["embeds"]
    base = engine.base
    assert f"{len(base.facts)} 条事实" in embed["description"]
    assert f"{len(base.events())} 个有日期的事件" in embed["description"]
    articles, version, latency = embed["fields"]
    assert len(articles["value"].split("\n")) == len(base.articles) == 5
    assert version["name"] == "版本" and version["value"][0].isdigit()
    assert latency["name"] == "延迟" and (latency["value"].endswith(" ms") or latency["value"] == "—")


async def test_askchannel_checks_embeds_and_accepts_a_forum(
    fake_discord: FakeDiscord, saga_runner: object
) -> None:
    denied = fake_discord.channel_ids[3]
    fake_discord.bot_denied[denied] = EMBED_LINKS
    saga: SagaBot = await saga_runner.start()  # type: ignore[attr-defined]
    admin = fake_discord.add_user("admin", permissions=ADMIN)

    refused = await fake_discord.slash(
        "askchannel", [{"name": "add", "type": 1, "options": []}], user=admin, channel_id=denied
    )
    data = (await answered(fake_discord, refused, CHANNEL_MESSAGE)).body["data"]
    assert data["flags"] == EPHEMERAL
    assert data["content"] == i18n.NO_EMBEDS_THERE.format(channel=f"<#{denied}>")
    assert await saga.storage.ask_channels(fake_discord.guild_id) == []

    forum = fake_discord.forum_id
    added = await fake_discord.slash(
        "askchannel",
        [{"name": "add", "type": 1, "options": [{"name": "channel", "type": 7, "value": str(forum)}]}],
        user=admin,
        resolved={
            "channels": {str(forum): {"id": str(forum), "name": "forum", "type": 15, "permissions": "0"}}
        },
    )
    await answered(fake_discord, added, CHANNEL_MESSAGE)
    assert await saga.storage.ask_channels(fake_discord.guild_id) == [forum]
    # A question in a post of the forum is answered in that post's thread.
    post = fake_discord.forum_post_id
    question = await fake_discord.send_message(
        "奥特曼什么时候被解雇？", author=admin, mention_bot=False, channel_id=post
    )
    reply = await fake_discord.reply_to(question)
    assert reply.path == f"/channels/{post}/messages"


# -- item 10: timeline navigation -----------------------------------------------------------


async def test_timeline_opens_on_the_crisis_jumps_and_tells_each_event_once(
    fake_discord: FakeDiscord, saga: SagaBot, engine: Engine
) -> None:
    user = fake_discord.add_user("reader")
    interaction = await fake_discord.slash("timeline", user=user)
    callback = await answered(fake_discord, interaction, CHANNEL_MESSAGE)
    data = callback.body["data"]
    (embed,) = data["embeds"]
    assert any(f["name"].startswith("2023-11") for f in embed["fields"])  # not 2012
    select = data["components"][1]["components"][0]
    labels_ = [o["label"] for o in select["options"]]
    assert labels_[:3] == [i18n.PHASE_BEFORE, i18n.PHASE_CRISIS, i18n.PHASE_AFTER]
    assert "2024年9月" in labels_ and len(labels_) <= 25

    message = callback.response["resource"]["message"]
    before = labels_.index(i18n.PHASE_BEFORE)
    picked = await fake_discord.press(
        message, select["custom_id"], user=user, values=[select["options"][before]["value"]]
    )
    update = await answered(fake_discord, picked, UPDATE_MESSAGE)
    (page,) = update.body["data"]["embeds"]
    assert page["fields"][0]["name"].startswith("2012")

    # The month summary "董事会换血, 奥尔特曼被解雇后又被重新聘用" is told by the days after it.
    summary = next(e for e in engine.timeline() if e.fact_id == "a000-altman-fired-rehired")
    assert summary.precision.value == "month"
    shown = [f["value"] for f in embed["fields"]] + [f["value"] for f in page["fields"]]
    assert not any(value.startswith(summary.text) for value in shown)


# -- item 11: the picture -------------------------------------------------------------------


async def test_timeline_picture_behind_a_button_after_the_text(
    fake_discord: FakeDiscord, saga: SagaBot, engine: Engine
) -> None:
    user = fake_discord.add_user("reader")
    interaction = await fake_discord.slash("timeline", user=user, locale="zh-TW")
    callback = await answered(fake_discord, interaction, CHANNEL_MESSAGE)
    assert callback.body["data"]["embeds"]  # the text answer comes first
    picture = next(
        c
        for row in callback.body["data"]["components"]
        for c in row["components"]
        if c.get("label") == "時間線圖"
    )
    press = await fake_discord.press(
        callback.response["resource"]["message"], picture["custom_id"], user=user, locale="zh-TW"
    )
    await answered(fake_discord, press, DEFERRED_CHANNEL_MESSAGE)
    followup = await fake_discord.followup(press)
    (attachment,) = followup.body["attachments"]
    assert attachment["filename"] == "saga-timeline.png"
    assert (
        attachment["description"].startswith("OpenAI 領導層風波")
        and "薩姆·奧爾特曼" in attachment["description"]
    )
    assert followup.files["saga-timeline.png"].startswith(b"\x89PNG")


# -- limits ---------------------------------------------------------------------------------


async def test_help_about_and_timeline_stay_within_discords_limits_in_every_language(
    fake_discord: FakeDiscord, saga: SagaBot
) -> None:
    await saga.tree.sync()
    await saga.storage.add_ask_channel(fake_discord.guild_id, fake_discord.channel_ids[2])
    user = fake_discord.add_user("reader")
    for locale in ("zh-CN", "zh-TW", "en-US"):
        for command in ("help", "about", "timeline"):
            interaction = await fake_discord.slash(command, user=user, locale=locale)
            data = (await answered(fake_discord, interaction, CHANNEL_MESSAGE)).body["data"]
            assert_within_limits(discord.Embed.from_dict(data["embeds"][0]))
            for row in data.get("components", []):
                for component in row["components"]:
                    assert len(component.get("label", "")) <= 80
                    assert len(component.get("placeholder", "")) <= 150
                    assert len(component.get("options", [])) <= 25
                    assert all(len(o["label"]) <= 100 for o in component.get("options", []))
