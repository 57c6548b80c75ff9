"""TLS: the server's certificate is verified; a self-signed one is refused with a clear
message, and accepted only when asked to (and then remembered for that server)."""

from __future__ import annotations

import datetime
import ipaddress
from pathlib import Path

import pytest
from sync_helpers import load, make_file, run_cli


def self_signed(folder: Path) -> tuple[Path, Path]:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name)
        .public_key(key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=30))
        .add_extension(x509.SubjectAlternativeName(
            [x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = folder / "cert.pem", folder / "key.pem"
    cert_path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                           serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_path, key_path


@pytest.fixture(scope="module")
def tls_radicale(tmp_path_factory: pytest.TempPathFactory):
    from support.davserver import Radicale

    folder = tmp_path_factory.mktemp("radicale-tls")
    server = Radicale(folder, tls=self_signed(folder))
    server.start()
    yield server
    server.stop()


def test_a_self_signed_certificate_needs_an_explicit_yes(tls_radicale, tmp_path, capsys):
    user = tls_radicale.add_user()
    url = tls_radicale.url(user)
    assert url.startswith("https://")
    password = tmp_path / "password"
    password.write_text("secret\n")
    a = make_file(tmp_path / "a.programme")
    before = a.read_bytes()
    base = ["sync", "-p", str(a), "--url", url, "--user", user, "--password-file",
            str(password)]
    code, _, err = run_cli(capsys, *base)
    assert code == 2 and "certificate is not trusted" in err and err.count("\n") == 1
    assert a.read_bytes() == before
    code, out, err = run_cli(capsys, *base, "--insecure")
    assert (code, err) == (0, "") and "5 sent" in out
    # Remembered for this server: the next sync needs no flag.
    code, _, err = run_cli(capsys, "sync", "-p", str(a), "--password-file", str(password))
    assert (code, err) == (0, "")
    assert len(load(a).events) == 5
