"""The build record: a file added to a wheel's .dist-info and listed in RECORD."""
import base64
import csv
import hashlib
import io
import json
import zipfile

import pytest

from backend import record, wheelfile

DIST_INFO = "demo-1.0.dist-info"
FILES = {
    "demo/__init__.py": b"VERSION = '1.0'\n",
    "demo/_ext.abi3.so": bytes(range(256)) * 4,
    f"{DIST_INFO}/METADATA": b"Metadata-Version: 2.1\nName: demo\nVersion: 1.0\n",
    f"{DIST_INFO}/WHEEL": b"Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: false\nTag: cp310-abi3-linux_x86_64\n",
}


def b64_sha256(data):
    return base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()


def record_rows(text):
    return [row for row in csv.reader(io.StringIO(text)) if row]


@pytest.fixture
def wheel(tmp_path):
    path = tmp_path / "demo-1.0-cp310-abi3-linux_x86_64.whl"
    rows = [[name, f"sha256={b64_sha256(data)}", str(len(data))] for name, data in FILES.items()]
    rows.insert(2, [f"{DIST_INFO}/RECORD", "", ""])  # RECORD's own row, not last on purpose
    text = io.StringIO()
    csv.writer(text, lineterminator="\n").writerows(rows)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in FILES.items():
            archive.writestr(name, data)
        archive.writestr(f"{DIST_INFO}/RECORD", text.getvalue())
    return path


def read(wheel):
    with zipfile.ZipFile(wheel) as archive:
        return {name: archive.read(name) for name in archive.namelist()}, archive.namelist()


def test_add_file_lists_it_in_record(wheel):
    old_files, _ = read(wheel)
    old_rows = record_rows(old_files[f"{DIST_INFO}/RECORD"].decode())
    data = json.dumps({"schema": 1, "x": "é"}).encode()

    wheelfile.add_files_to_wheel(wheel, {"ffcv-build.json": data})

    files, names = read(wheel)
    arcname = f"{DIST_INFO}/ffcv-build.json"
    assert files[arcname] == data
    assert len(names) == len(set(names)) == len(old_files) + 1
    for name, content in old_files.items():
        if not name.endswith("/RECORD"):
            assert files[name] == content

    rows = record_rows(files[f"{DIST_INFO}/RECORD"].decode())
    by_name = {row[0]: row for row in rows}
    assert len(by_name) == len(rows)  # no duplicate rows
    assert by_name[arcname] == [arcname, f"sha256={b64_sha256(data)}", str(len(data))]
    assert by_name[f"{DIST_INFO}/RECORD"] == [f"{DIST_INFO}/RECORD", "", ""]
    unchanged = [row for row in old_rows if row[0] != f"{DIST_INFO}/RECORD"]
    assert [row for row in rows if row[0] not in (arcname, f"{DIST_INFO}/RECORD")] == unchanged
    assert set(by_name) == set(names)


def test_record_hashes_match_contents_after_add(wheel):
    wheelfile.add_files_to_wheel(wheel, {"ffcv-build.json": b"{}"})
    files, _ = read(wheel)
    for name, digest, size in record_rows(files[f"{DIST_INFO}/RECORD"].decode()):
        if name.endswith("/RECORD"):
            assert digest == size == ""
        else:
            assert digest == f"sha256={b64_sha256(files[name])}"
            assert size == str(len(files[name]))


def test_adding_again_replaces(wheel):
    wheelfile.add_files_to_wheel(wheel, {"ffcv-build.json": b'{"n": 1}'})
    second = b'{"n": 22}'
    wheelfile.add_files_to_wheel(wheel, {"ffcv-build.json": second})
    files, names = read(wheel)
    arcname = f"{DIST_INFO}/ffcv-build.json"
    assert names.count(arcname) == 1 and files[arcname] == second
    rows = [row for row in record_rows(files[f"{DIST_INFO}/RECORD"].decode()) if row[0] == arcname]
    assert rows == [[arcname, f"sha256={b64_sha256(second)}", str(len(second))]]
    assert not [p for p in wheel.parent.iterdir() if p != wheel]  # no temporary wheel left


def test_read_from_wheel_round_trip(wheel):
    data = {"schema": 1, "upstream": {"version": "1.0.2", "sha256": "ab" * 32},
            "patches": [{"name": "0001.patch"}], "abi3": True, "build_tag": None}
    wheelfile.add_files_to_wheel(wheel, {record.RECORD_NAME: json.dumps(data, indent=2).encode()})
    assert record.read_from_wheel(wheel) == data


def test_wheel_without_single_dist_info_is_refused(tmp_path):
    path = tmp_path / "bad-1.0-py3-none-any.whl"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("a-1.0.dist-info/RECORD", "")
        archive.writestr("b-1.0.dist-info/RECORD", "")
    with pytest.raises(ValueError):
        wheelfile.add_files_to_wheel(path, {"x.json": b"{}"})


@pytest.mark.parametrize("name, tag", [
    ("ffcv-1.0.2-cp310-abi3-manylinux_2_28_x86_64.whl", "manylinux_2_28_x86_64"),
    ("ffcv-1.0.2-7-cp310-abi3-win_amd64.whl", "win_amd64"),  # with a build tag
    ("ffcv-1.0.2-cp310-abi3-manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
     "manylinux_2_17_x86_64.manylinux2014_x86_64"),
])
def test_platform_tag_is_the_last_part_of_the_name(name: str, tag: str) -> None:
    from backend.wheelfile import platform_tag

    assert platform_tag(name) == tag
