"""Names found by how they sound (bot.engine.sound)."""

from hypothesis import given
from hypothesis import strategies as st

from bot.engine.answer import Engine
from bot.engine.normalise import normalise
from bot.engine.sound import PINYIN_FILE, sounds_alike, syllables


def test_syllables_are_toneless_one_per_character() -> None:
    assert syllables("埃米特") == ("ai", "mi", "te")
    assert syllables("艾美特") == ("ai", "mei", "te")


def test_one_syllable_a_letter_off_sounds_alike() -> None:
    assert sounds_alike(syllables("艾美特希尔"), syllables("埃米特希尔"))
    assert sounds_alike(syllables("马思克"), syllables("马斯克"))


def test_another_start_or_two_wrong_syllables_do_not() -> None:
    assert not sounds_alike(syllables("麦斯克"), syllables("马斯克"))  # mai, not ma
    assert not sounds_alike(syllables("马上可"), syllables("马斯克"))  # shang is no si
    assert not sounds_alike(syllables("艾美德希"), syllables("埃米特希"))  # two off
    assert not sounds_alike(syllables("艾美"), syllables("埃米特"))  # shorter


@given(st.text(alphabet="埃米特希尔马斯克奥特曼穆拉蒂苏茨维", min_size=1, max_size=6))
def test_every_name_sounds_like_itself(name: str) -> None:
    assert sounds_alike(syllables(name), syllables(name))


def test_a_name_written_by_ear_is_found(engine: Engine) -> None:
    found = engine.matcher.find_entities(normalise("艾美特希尔之前是做什么的").key)[0]
    assert found == ["shear"]
    assert "Twitch" in engine.ask("艾美特希尔之前是做什么的").answer


def test_the_pinyin_table_is_one_lower_case_syllable_per_character() -> None:
    lines = PINYIN_FILE.read_text(encoding="utf-8").splitlines()
    assert len(lines) > 20_000  # the whole of CJK Unified Ideographs, not a sample
    for line in lines:
        char, syllable = line[0], line[1:]
        assert "\u3400" <= char <= "\u9fff", line
        assert syllable.isascii() and syllable.isalpha() and syllable.islower(), line
    # a character the table lacks stands for itself
    assert syllables("ㄅ") == ("ㄅ",)
