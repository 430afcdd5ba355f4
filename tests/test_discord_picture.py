"""The timeline picture: what it shows, in whose script, and the font it ships with."""

from __future__ import annotations

import io

import discord
from fontTools.ttLib import TTFont
from PIL import Image

from bot.discord.picture import (
    alt_text,
    font_path,
    needed_characters,
    picture_file,
    picture_texts,
    render_png,
    shows,
    story,
)
from bot.engine.answer import Engine
from bot.engine.script import detect_script


def test_the_shipped_font_has_every_glyph_the_picture_needs(engine: Engine) -> None:
    """Fails when the fact base puts a new character in the picture: run tools/build_font.py."""
    cmap = TTFont(str(font_path())).getBestCmap()
    missing = sorted(char for char in needed_characters(engine) if ord(char) not in cmap)
    assert missing == []
    assert (font_path().parent / "OFL.txt").read_text(encoding="utf-8").count("SIL OPEN FONT LICENSE") == 1


def test_the_picture_shows_the_four_days_and_the_departures(engine: Engine) -> None:
    picture = story(engine)
    assert [c.date for c in picture.crisis] == [
        "2023-11-16",
        "2023-11-17",
        "2023-11-18",
        "2023-11-19",
        "2023-11-20",
    ]
    assert "萨姆·奥尔特曼" in picture.crisis[1].people
    departures = {c.date: c.people for c in picture.departures}
    assert "米拉·穆拉蒂" in departures["2024-09"] and "简·雷克" in departures["2024-05"]
    # Mark Chen's role ended with a promotion, not a departure.
    assert not shows(picture, "陈信翰") and shows(picture, "约翰·舒尔曼")


def test_words_and_alt_text_in_the_readers_script(engine: Engine) -> None:
    picture = story(engine)
    title, crisis, departures, days, months = picture_texts(picture, "traditional", "tw", english=False)
    columns = [*days, *months]
    words = [title, crisis, departures, *(h for h, _ in columns), *(n for _, names in columns for n in names)]
    assert all(detect_script(w) in ("traditional", None) for w in words), words
    assert days[1][0] == "2023年11月17日"
    alt = alt_text(picture, "traditional", "tw", english=False)
    assert "薩姆·奧爾特曼" in alt and len(alt) <= 1024
    english = alt_text(picture, "simplified", "tw", english=True)
    assert english.startswith("The OpenAI leadership saga") and "17 November 2023" in english
    assert "萨姆·奥尔特曼" in english  # names stay as the articles write them


def test_render_is_a_png_of_sensible_size(engine: Engine) -> None:
    png = render_png(story(engine), "simplified", "tw", highlight="米拉·穆拉蒂")
    image = Image.open(io.BytesIO(png))
    assert image.format == "PNG" and image.width == 1000 and 300 < image.height < 1200
    assert len(png) < 8 * 1024 * 1024  # Discord's attachment limit


async def test_the_attachment_carries_its_alt_text(engine: Engine) -> None:
    file = await picture_file(story(engine), "simplified", "tw", english=False)
    assert isinstance(file, discord.File)
    assert file.filename == "saga-timeline.png"
    assert file.description == alt_text(story(engine), "simplified", "tw", english=False)
