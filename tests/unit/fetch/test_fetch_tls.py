"""HTTPS to a pinned address still presents the hostname: SNI, certificate check, Host."""

from __future__ import annotations

import shutil
import ssl
import subprocess
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from fetch_testkit import PUBLIC_IP, LocalServer, RecordingBackend

from app.fetch import FetchError, FetchPolicy, StaticResolver, fetch_page, guarded_client

TlsServer = tuple[LocalServer, list[str]]
PUBLIC = FetchPolicy(respect_robots=False, deadline=5.0)


@pytest.fixture(scope="module")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A self-signed certificate for news.test (cert, key)."""
    if shutil.which("openssl") is None:
        pytest.skip("openssl is needed to make a test certificate")
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
         "-nodes", "-days", "1", "-subj", "/CN=news.test",
         "-addext", "subjectAltName=DNS:news.test", "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True,
    )  # fmt: skip
    return cert, key


@pytest.fixture
async def tls_server(
    certificate: tuple[Path, Path],
) -> AsyncIterator[tuple[LocalServer, list[str]]]:
    names: list[str] = []
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(*certificate)
    context.sni_callback = lambda _sock, name, _ctx: names.append(name or "")  # type: ignore[assignment,misc,func-returns-value]
    local = LocalServer()
    await local.start(tls=context)
    yield local, names
    await local.stop()


def trusting(certificate: tuple[Path, Path]) -> ssl.SSLContext:
    return ssl.create_default_context(cafile=str(certificate[0]))


async def test_https_to_the_vetted_address_keeps_sni_and_host(
    tls_server: TlsServer, certificate: tuple[Path, Path]
) -> None:
    server, names = tls_server
    server.route("/a", "<p>secure</p>")
    network = RecordingBackend()
    resolver = StaticResolver({"news.test": [PUBLIC_IP]})
    async with guarded_client(
        PUBLIC, resolver=resolver, network_backend=network, ssl_context=trusting(certificate)
    ) as client:
        url = f"https://news.test:{server.port}/a"
        page = await fetch_page(url, policy=PUBLIC, client=client)
    assert "secure" in page.html
    assert network.dialed == [PUBLIC_IP]
    assert names == ["news.test"]
    assert server.hits[0].headers["host"] == f"news.test:{server.port}"


async def test_certificate_for_another_name_is_refused(
    tls_server: TlsServer, certificate: tuple[Path, Path]
) -> None:
    server, names = tls_server
    server.route("/a", "<p>secure</p>")
    resolver = StaticResolver({"impostor.test": [PUBLIC_IP]})
    async with guarded_client(
        PUBLIC, resolver=resolver, network_backend=RecordingBackend(),
        ssl_context=trusting(certificate),
    ) as client:  # fmt: skip
        with pytest.raises(FetchError) as caught:
            url = f"https://impostor.test:{server.port}/a"
            await fetch_page(url, policy=PUBLIC, client=client)
    assert caught.value.code == "connect_error"
    assert names == ["impostor.test"]
    assert server.hits == []
