"""Labelled log lines, colour only on a terminal without NO_COLOR/NOCOLOR, download progress."""
import re
import time
from io import StringIO

import pytest

from backend.log import Log, colour_wanted

ESC = "\033["


class TTY(StringIO):
    def isatty(self):
        return True


@pytest.fixture
def clean_env(monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("NOCOLOR", raising=False)


def lines(stream):
    return stream.getvalue().splitlines()


def test_tty_gets_colour(clean_env):
    stream = TTY()
    log = Log(stream)
    assert log.colour is True
    log.info("hello")
    assert ESC in stream.getvalue() and "hello" in stream.getvalue()


def test_non_tty_gets_no_colour(clean_env):
    stream = StringIO()
    log = Log(stream)
    assert log.colour is False
    log.warn("hello")
    assert ESC not in stream.getvalue()
    assert lines(stream) == ["[WARN] hello"]


@pytest.mark.parametrize("name", ["NO_COLOR", "NOCOLOR"])
@pytest.mark.parametrize("value", ["1", "", "0", "false"])
def test_no_color_variables_disable_colour(clean_env, monkeypatch, name, value):
    monkeypatch.setenv(name, value)
    stream = TTY()
    log = Log(stream)
    assert log.colour is False
    log.error("boom")
    assert ESC not in stream.getvalue()
    assert lines(stream) == ["[ERROR] boom"]
    assert colour_wanted(TTY(), {name: value}) is False


def test_colour_wanted_with_explicit_environ():
    assert colour_wanted(TTY(), {}) is True
    assert colour_wanted(StringIO(), {}) is False
    assert colour_wanted(object(), {}) is False  # no isatty at all


def test_labels_exact():
    stream = StringIO()
    log = Log(stream, colour=False)
    log.info("a")
    log.ok("b")
    log.warn("c")
    log.error("d")
    assert lines(stream) == ["[INFO] a", "[-OK-] b", "[WARN] c", "[ERROR] d"]


def test_labels_coloured_keep_text():
    stream = StringIO()
    log = Log(stream, colour=True)
    for method in (log.info, log.ok, log.warn, log.error):
        method("m")
    plain = [re.sub(r"\033\[[0-9;]*m", "", line) for line in lines(stream)]
    assert plain == ["[INFO] m", "[-OK-] m", "[WARN] m", "[ERROR] m"]
    assert all(line.startswith(ESC) for line in lines(stream))


def test_multiline_message_labels_every_line():
    stream = StringIO()
    Log(stream, colour=False).error("first\nsecond")
    assert lines(stream) == ["[ERROR] first", "[ERROR] second"]


def test_stage_reports_seconds():
    stream = StringIO()
    log = Log(stream, colour=False)
    with log.stage("compile"):
        time.sleep(0.15)
    out = lines(stream)
    assert out[0] == "[INFO] compile ..."
    match = re.fullmatch(r"\[-OK-\] compile \((\d+\.\d) s\)", out[-1])
    assert match, out
    assert 0.1 <= float(match.group(1)) < 5


def test_stage_does_not_report_ok_on_error():
    stream = StringIO()
    log = Log(stream, colour=False)
    with pytest.raises(RuntimeError):
        with log.stage("compile"):
            raise RuntimeError("x")
    assert not any(line.startswith("[-OK-]") for line in lines(stream))


@pytest.mark.parametrize("chunk", [1, 100, 1000, 4096, 300000])
def test_non_tty_progress_at_most_four_lines(chunk):
    stream = StringIO()
    log = Log(stream, colour=False)
    total = 300000
    progress = log.progress("downloading x", total)
    done = 0
    while done < total:
        step = min(chunk, total - done)
        progress.update(step)
        done += step
    progress.finish()
    out = lines(stream)
    assert 1 <= len(out) <= 4
    assert all(line.startswith("[INFO] downloading x: ") for line in out)
    assert "100%" in out[-1]
    assert ESC not in stream.getvalue() and "\r" not in stream.getvalue()


def test_non_tty_progress_unknown_total_is_silent():
    stream = StringIO()
    progress = Log(stream, colour=False).progress("downloading x", None)
    for _ in range(100):
        progress.update(1000)
    progress.finish()
    assert stream.getvalue() == ""


def test_tty_progress_rewrites_one_line():
    stream = TTY()
    log = Log(stream, colour=True)
    progress = log.progress("downloading x", 1000)
    progress.update(500)
    progress.finish()
    out = stream.getvalue()
    assert "\n" not in out and out.startswith("\r") and out.endswith("\r\033[K")
