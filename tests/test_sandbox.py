"""Images are read only from inside the release's folder (or folders the user allowed)."""

from __future__ import annotations

import os

import pytest

from pressconv.resources import WriteContext

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 16


@pytest.fixture
def release_dir(tmp_path):
    folder = tmp_path / "release"
    (folder / "img").mkdir(parents=True)
    (folder / "img" / "logo.png").write_bytes(PNG)
    (tmp_path / "secret.png").write_bytes(b"secret")
    return folder


def read(context: WriteContext, url: str):
    return context.read_resource(url)


def test_an_image_inside_the_folder_is_read(release_dir):
    context = WriteContext(base_dir=release_dir)
    assert read(context, "img/logo.png") == (PNG, "logo.png")
    assert read(context, "img/logo%2Epng") == (PNG, "logo.png")
    assert context.warnings == []


@pytest.mark.parametrize("url, reason", [
    ("../secret.png", "outside"),
    ("img/../../secret.png", "outside"),
    ("/etc/passwd", "absolute"),
    ("file:///etc/passwd", "file: scheme"),
    ("http://example.org/x.png", "remote"),
    ("https://example.org/x.png", "remote"),
    ("ftp://example.org/x.png", "ftp: scheme"),
    ("data:image/png;base64,AAAA", "data: scheme"),
    ("img/missing.png", "not found"),
])
def test_paths_leaving_the_sandbox_are_refused_with_a_warning(release_dir, url, reason):
    context = WriteContext(base_dir=release_dir)
    assert read(context, url) is None
    assert len(context.warnings) == 1 and reason in context.warnings[0].text


def test_a_symlink_leading_out_of_the_folder_is_refused(release_dir):
    link = release_dir / "img" / "link.png"
    os.symlink(release_dir.parent / "secret.png", link)
    context = WriteContext(base_dir=release_dir)
    assert read(context, "img/link.png") is None
    assert "outside" in context.warnings[0].text


def test_an_allowed_resource_path_is_searched_too(release_dir, tmp_path):
    shared = tmp_path / "shared"
    shared.mkdir()
    (shared / "brand.png").write_bytes(PNG)
    context = WriteContext(base_dir=release_dir, resource_paths=(shared,))
    assert read(context, "brand.png") == (PNG, "brand.png")


def test_without_a_folder_nothing_local_is_read(release_dir):
    context = WriteContext(base_dir=None)
    assert read(context, "img/logo.png") is None
    assert "not read from a folder" in context.warnings[0].text


def test_remote_images_are_fetched_only_when_allowed_and_bounded(tmp_path, monkeypatch):
    import io
    import urllib.request

    calls = []

    class Response(io.BytesIO):
        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

    def fake_urlopen(url, timeout):
        calls.append((url, timeout))
        return Response(PNG)

    monkeypatch.setattr(urllib.request, "urlopen", fake_urlopen)
    refused = WriteContext(base_dir=tmp_path)
    assert refused.read_resource("https://example.org/a.png") is None and calls == []
    allowed = WriteContext(base_dir=tmp_path, allow_remote=True)
    assert allowed.read_resource("https://example.org/a.png") == (PNG, "a.png")
    assert calls == [("https://example.org/a.png", 10)]


def test_a_remote_image_over_the_size_cap_is_not_embedded(tmp_path, monkeypatch):
    import io
    import urllib.request

    from pressconv import resources

    monkeypatch.setattr(resources, "MAX_RESOURCE_BYTES", 8)

    class Response(io.BytesIO):
        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

    monkeypatch.setattr(urllib.request, "urlopen", lambda url, timeout: Response(PNG))
    context = WriteContext(base_dir=tmp_path, allow_remote=True)
    assert context.read_resource("https://example.org/a.png") is None
    assert "larger than" in context.warnings[0].text


def test_an_impossible_file_name_is_a_warning_not_a_crash(release_dir):
    context = WriteContext(base_dir=release_dir)
    assert read(context, "a" * 5000 + ".png") is None
    assert "cannot be looked up" in context.warnings[0].text
