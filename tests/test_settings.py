"""Settings: one schema read from -C, FFCV_BUILD_* variables and [tool.ffcv-build]."""
import dataclasses
import os
import sys
from pathlib import Path

import pytest

from backend.errors import BuildError
from backend.settings import SCHEMA, Settings, describe_schema, load_settings

ALL_KEYS = ["upstream-version", "upstream-sdist", "offline", "index-url", "cache-dir", "local-files", "deps",
            "include-dirs", "library-dirs", "libraries", "licence-files", "toolchain", "target", "repair", "build-tag", "abi3", "verbose"]


def env_name(key):
    return "FFCV_BUILD_" + key.upper().replace("-", "_")


@pytest.fixture
def project(tmp_path):
    """A folder whose pyproject.toml holds the given [tool.ffcv-build] body."""

    def write(body=""):
        root = tmp_path / "proj"
        root.mkdir(exist_ok=True)
        (root / "pyproject.toml").write_text(f"[project]\nname = 'x'\n\n[tool.ffcv-build]\n{body}\n")
        return root

    return write


def test_defaults_without_any_source(tmp_path):
    settings = load_settings(None, {}, tmp_path)  # no pyproject.toml at all
    assert settings == Settings()
    assert settings.deps == "source"
    assert settings.repair is True and settings.abi3 is True
    assert settings.offline is False and settings.verbose is False
    assert settings.build_tag is None and settings.include_dirs == ()


def test_precedence_config_over_env_over_pyproject_over_default(project):
    root = project('build-tag = "1pyproject"\nverbose = true\nindex-url = "http://127.0.0.1:9/py"')
    env = {env_name("build-tag"): "2env", env_name("verbose"): "false"}
    config = {"build-tag": "3cli"}

    s = load_settings(config, env, root)
    assert s.build_tag == "3cli"
    assert s.verbose is False  # env over pyproject
    assert s.index_url == "http://127.0.0.1:9/py"  # only in pyproject
    assert s.repair is True  # default

    assert load_settings({}, env, root).build_tag == "2env"
    s = load_settings({}, {}, root)
    assert s.build_tag == "1pyproject" and s.verbose is True
    assert load_settings({}, {}, project("")).build_tag is None


def test_config_overrides_env_for_bool(tmp_path):
    s = load_settings({"repair": "true"}, {env_name("repair"): "false"}, tmp_path)
    assert s.repair is True
    s = load_settings({}, {env_name("repair"): "false"}, tmp_path)
    assert s.repair is False


def test_unrelated_environment_is_ignored(tmp_path):
    s = load_settings({}, {"PATH": "/bin", "FFCV_OTHER": "1", "BUILD_TAG": "x"}, tmp_path)
    assert s == Settings()


def test_unknown_key_in_pyproject(project):
    with pytest.raises(BuildError) as info:
        load_settings({}, {}, project('upstream-versoin = "1.0.2"'))
    assert "upstream-versoin" in str(info.value)
    assert "Did you mean 'upstream-version'" in str(info.value)


def test_unknown_key_in_env(tmp_path):
    with pytest.raises(BuildError) as info:
        load_settings({}, {"FFCV_BUILD_REPAIRR": "true"}, tmp_path)
    assert "FFCV_BUILD_REPAIRR" in str(info.value)
    assert "Did you mean 'FFCV_BUILD_REPAIR'" in str(info.value)


def test_unknown_key_in_config(tmp_path):
    with pytest.raises(BuildError) as info:
        load_settings({"upstream-versoin": "1.0.2"}, {}, tmp_path)
    assert "Did you mean 'upstream-version'" in str(info.value)


@pytest.mark.parametrize("text, expected", [
    ("true", True), ("false", False), ("TRUE", True), ("False", False), ("tRuE", True), (" false ", False),
])
def test_bool_accepts_true_false_any_case(tmp_path, text, expected):
    assert load_settings({"offline": text}, {}, tmp_path).offline is expected
    assert load_settings({}, {env_name("verbose"): text}, tmp_path).verbose is expected


@pytest.mark.parametrize("text", ["yes", "no", "1", "0", "on", "off", "", "truee", "t"])
def test_bool_rejects_anything_else(tmp_path, text):
    with pytest.raises(BuildError) as info:
        load_settings({"repair": text}, {}, tmp_path)
    assert "repair" in str(info.value) and "true or false" in str(info.value)
    with pytest.raises(BuildError):
        load_settings({}, {env_name("abi3"): text}, tmp_path)


def test_bool_from_pyproject(project):
    assert load_settings({}, {}, project("offline = true")).offline is True
    with pytest.raises(BuildError):
        load_settings({}, {}, project("offline = 1"))


def test_deps_choice_error_lists_choices(tmp_path):
    with pytest.raises(BuildError) as info:
        load_settings({"deps": "homebrew"}, {}, tmp_path)
    message = str(info.value)
    assert "pkg-config, dirs, source, conda, prebuilt, vcpkg" in message and "'homebrew'" in message


def test_deps_choice_typo_suggests(tmp_path):
    with pytest.raises(BuildError) as info:
        load_settings({"deps": "pkgconfig"}, {}, tmp_path)
    assert "Did you mean 'pkg-config'" in str(info.value)


@pytest.mark.parametrize("tag", ["abc", "", "-1", "x1"])
def test_build_tag_must_start_with_digit(tmp_path, tag):
    with pytest.raises(BuildError) as info:
        load_settings({"build-tag": tag}, {}, tmp_path)
    assert "digit" in str(info.value)


@pytest.mark.parametrize("tag", ["1", "2rebuild", "10"])
def test_build_tag_valid(tmp_path, tag):
    assert load_settings({"build-tag": tag}, {}, tmp_path).build_tag == tag


@pytest.mark.parametrize("key, values", [
    ("build-tag", ["1", "2"]), ("offline", ["true", "false"]), ("deps", ["dirs", "pkg-config"]),
    ("upstream-sdist", ["a.tar.gz", "b.tar.gz"]),
])
def test_scalar_given_as_list_errors(tmp_path, key, values):
    with pytest.raises(BuildError) as info:
        load_settings({key: values}, {}, tmp_path)
    assert key in str(info.value) and "more than once" in str(info.value)


def test_include_dirs_split_on_pathsep(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    s = load_settings({"deps": "dirs", "include-dirs": f"{a}{os.pathsep}{b}",
                       "library-dirs": str(a)}, {}, tmp_path)
    assert s.include_dirs == (a, b)
    assert s.library_dirs == (a,)
    s = load_settings({"deps": "dirs"}, {env_name("include-dirs"): f"{a}{os.pathsep}{os.pathsep}{b}"}, tmp_path)
    assert s.include_dirs == (a, b)  # empty items dropped


def test_include_dirs_accept_lists(tmp_path, project):
    a, b = tmp_path / "a", tmp_path / "b"
    s = load_settings({"deps": "dirs", "include-dirs": [str(a), str(b)]}, {}, tmp_path)
    assert s.include_dirs == (a, b)
    s = load_settings({}, {}, project(f'deps = "dirs"\ninclude-dirs = ["{a}", "{b}"]'))
    assert s.include_dirs == (a, b)


def test_deps_dirs_without_include_dirs_errors(make_ctx):
    # The provider's own rule, asked by the pipeline right after the settings are loaded (settings.py asks no plug-in).
    with pytest.raises(BuildError) as info:
        make_ctx({"deps": "dirs"})
    assert "include-dirs" in str(info.value)
    with pytest.raises(BuildError):
        make_ctx({"deps": "dirs", "include-dirs": ""})


def test_path_settings_become_paths(tmp_path):
    s = load_settings({"cache-dir": str(tmp_path / "c"), "upstream-sdist": str(tmp_path / "s.tar.gz")}, {}, tmp_path)
    assert s.cache_dir == tmp_path / "c" and isinstance(s.cache_dir, Path)
    assert s.upstream_sdist == tmp_path / "s.tar.gz"


def test_schema_covers_every_setting():
    assert [option.key for option in SCHEMA] == ALL_KEYS
    assert {option.key.replace("-", "_") for option in SCHEMA} == {f.name for f in dataclasses.fields(Settings)}


def test_describe_schema_lists_every_key_and_env_name():
    text = describe_schema()
    lines = text.splitlines()
    assert len(lines) == len(ALL_KEYS)
    for key, line in zip(ALL_KEYS, lines):
        assert line.split()[:2] == [key, env_name(key)]


@pytest.mark.parametrize("key, value, attr, expected", [
    ("upstream-version", "1.0.2", "upstream_version", "1.0.2"),
    ("index-url", "http://127.0.0.1:9/simple", "index_url", "http://127.0.0.1:9/simple"),
    ("abi3", "false", "abi3", False),
    ("build-tag", "7", "build_tag", "7"),
])
def test_env_names_from_schema_are_read(tmp_path, key, value, attr, expected):
    s = load_settings({}, {env_name(key): value}, tmp_path)
    assert getattr(s, attr) == expected


def test_library_names_split_on_commas_and_spaces(tmp_path, project):
    s = load_settings({"deps": "dirs", "include-dirs": str(tmp_path), "libraries": "opencv_world4120, turbojpeg"},
                      {}, tmp_path)
    assert s.libraries == ("opencv_world4120", "turbojpeg")
    s = load_settings({}, {env_name("libraries"): "a b,,c"}, tmp_path)
    assert s.libraries == ("a", "b", "c")
    s = load_settings({}, {}, project('libraries = ["x", "y"]'))
    assert s.libraries == ("x", "y")


def test_docs_settings_table_is_the_schema():
    """docs/building.md's table is what `python -m backend settings --markdown` prints, from the same declaration."""
    readme = (Path(__file__).resolve().parents[1] / "docs" / "building.md").read_text(encoding="utf-8")
    start = readme.index("<!-- settings-table:")
    table = readme[readme.index("\n", start) + 1:readme.index("<!-- settings-table end -->")].strip()
    assert table == describe_schema(markdown=True)
    assert len(table.splitlines()) == len(ALL_KEYS) + 2


def test_every_platform_defaults_to_the_source_provider(tmp_path, monkeypatch):
    """What the published wheels use, and what needs only a C++ compiler; pkg-config only when asked for."""
    for platform in ("linux", "win32", "darwin"):
        monkeypatch.setattr(sys, "platform", platform)
        assert load_settings({}, {}, tmp_path).deps == "source"
    assert "(default: source)" in describe_schema().splitlines()[[o.key for o in SCHEMA].index("deps")]
    assert load_settings({"deps": "pkg-config"}, {}, tmp_path).deps == "pkg-config"
    assert load_settings({"deps": "dirs", "include-dirs": str(tmp_path)}, {}, tmp_path).deps == "dirs"
