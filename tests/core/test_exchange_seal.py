"""Sealing for SKR: keys, seal/unseal, and every tampering or wrong key refused, nothing written."""

from __future__ import annotations

import base64
import json
import os
import random
import stat

import pytest
from test_exchange_support import leftovers, members

from kompass_desktop.cli import main
from kompass_desktop.exchange import seal
from kompass_desktop.exchange.errors import ExchangeError, SealError
from kompass_desktop.exchange.export import export_evaluation
from kompass_desktop.exchange.package import read_export_file
from kompass_desktop.services import EvaluationSession, NewEvaluation


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    cap = capsys.readouterr()
    return code, cap.out, cap.err


@pytest.fixture
def keys(tmp_path):
    folder = tmp_path / "keys"
    folder.mkdir()
    return seal.keygen(folder / "skr")


@pytest.fixture
def sealed(session, keys, tmp_path):
    session.scores.set("1.1", "12,5")
    session.notes.add("Dokumentstudie", "1.1")
    export_evaluation(session.file, tmp_path / "sealed.kkx", seal_key=keys[0])
    return tmp_path / "sealed.kkx"


def test_keygen_writes_a_key_pair(tmp_path, capsys):
    code, out, _ = run(capsys, "keygen", "-o", tmp_path / "skr")
    pub, key = (tmp_path / "skr.pub").read_text(), (tmp_path / "skr.key").read_text()
    assert (code, out) == (
        0,
        f"Skrev {tmp_path / 'skr.pub'} (publik: ge den till utvärderarna för --seal) och "
        f"{tmp_path / 'skr.key'} (privat: håll den hemlig).\nNyckel-id {pub.split()[2]}.\n",
    )
    assert pub.startswith("kompass-public-key-v1 x25519 ") and key.startswith(
        "kompass-private-key-v1 x25519 "
    )
    assert pub.split()[2] == key.split()[2]  # the same key id
    if os.name == "posix":
        assert stat.S_IMODE((tmp_path / "skr.key").stat().st_mode) == 0o600
    code, _, err = run(capsys, "keygen", "-o", tmp_path / "skr")
    exists = "finns redan; välj ett annat namn (befintliga filer skrivs aldrig över)."
    assert (code, err) == (1, f"kompass keygen: {tmp_path / 'skr.pub'} {exists}\n")
    assert (tmp_path / "skr.key").read_text() == key  # never overwritten


def test_a_key_file_that_appears_while_the_keys_are_written_is_kept(tmp_path, monkeypatch):
    from kompass_desktop.storage import outputs

    real = outputs.new_temporary

    def meanwhile(target):  # another program writes skr.pub while ours is being written
        tmp = real(target)
        if target.name == "skr.pub":
            target.write_text("someone else's")
        return tmp

    monkeypatch.setattr(outputs, "new_temporary", meanwhile)
    with pytest.raises(ExchangeError) as err:
        seal.keygen(tmp_path / "skr")
    assert str(err.value) == f"{tmp_path / 'skr.pub'} finns redan; välj ett annat namn."
    assert (tmp_path / "skr.pub").read_text() == "someone else's"
    assert leftovers(tmp_path, {"skr.pub"}) == []  # nor the private key of a pair never given out


def test_a_sealed_export_that_reads_back_differently_is_not_kept(session, keys, tmp_path, monkeypatch):
    from kompass_desktop.exchange import export as export_mod

    real = export_mod._read_back
    monkeypatch.setattr(export_mod, "_read_back", lambda path: real(path)[:-1])
    folder = tmp_path / "out"
    folder.mkdir()
    with pytest.raises(ExchangeError) as err:
        export_evaluation(session.file, folder / "x.kkx", seal_key=keys[0])
    expected = f"{folder / 'x.kkx'} blev inte korrekt skriven (innehållet skiljer sig); försök igen."
    assert str(err.value) == expected
    assert leftovers(folder, set()) == []


def test_seal_and_unseal(sealed, keys, tmp_path, capsys):
    data = sealed.read_bytes()
    first, second = data.split(b"\n")[:2]
    assert first == b"KOMPASS-SEALED 1"
    header = json.loads(second)
    assert header["municipality"] == "Testby" and header["year"] == 2025 and header["framework"] == "2019"
    assert header["content"] == "kompass-export/1" and header["file_id"]
    assert b"Dokumentstudie" not in data
    code, out, _ = run(capsys, "unseal", sealed, "--key", keys[1], "-o", tmp_path / "open.kkx")
    assert (code, out) == (0, f"Öppnade {sealed} → {tmp_path / 'open.kkx'}: Testby, 2025, ramverk 2019.\n")
    parsed = read_export_file(tmp_path / "open.kkx")
    assert parsed.evaluation_id == header["file_id"] and parsed.scores()["1.1"] == "12.5"
    assert "evaluation.json" in members(tmp_path / "open.kkx")


def test_the_command_line_says_an_export_is_sealed(session, keys, tmp_path, capsys):
    target = tmp_path / "s.kkx"
    code, out, _ = run(
        capsys, "export", session.path, "-o", target, "--seal", keys[0], "--include-personal-data"
    )
    assert (code, out.splitlines()[0]) == (
        0,
        f"Exporterade Testby (2019) till {target}, förseglad för SKR: MED personuppgifter "
        "(namn, intervjuanteckningar och historik) – hantera filen därefter.",
    )


def test_sealing_twice_gives_different_bytes(session, keys, tmp_path):
    export_evaluation(session.file, tmp_path / "a.kkx", seal_key=keys[0])
    export_evaluation(session.file, tmp_path / "b.kkx", seal_key=keys[0])
    assert (tmp_path / "a.kkx").read_bytes() != (tmp_path / "b.kkx").read_bytes()


def _expect_tampered(data: bytes, key_path, tmp_path, *, exact: bool = True):
    """Refused, nothing written; ``exact``: with the very words of a file that does not decrypt."""
    source = tmp_path / "t.kkx"
    source.write_bytes(data)
    with pytest.raises(SealError) as refused:
        seal.unseal_file(source, key_path, tmp_path / "out.kkx")
    if exact:
        assert str(refused.value) == "t.kkx kunde inte öppnas – manipulerad eller fel nyckel."
    else:
        assert "manipulerad eller fel nyckel" in str(refused.value)
    assert not (tmp_path / "out.kkx").exists()


def test_every_flipped_header_byte_is_detected(sealed, keys, tmp_path):
    data = sealed.read_bytes()
    header_end = data.index(b"\n", data.index(b"\n") + 1) + 1
    for pos in range(header_end):
        changed = bytearray(data)
        changed[pos] ^= 0x01
        # which refusal depends on the byte: an unreadable header, another key's id, not decrypted
        _expect_tampered(bytes(changed), keys[1], tmp_path, exact=False)


def test_flipped_ciphertext_bytes_are_detected(sealed, keys, tmp_path):
    data = sealed.read_bytes()
    header_end = data.index(b"\n", data.index(b"\n") + 1) + 1
    rng = random.Random(3)
    positions = {header_end, header_end + 31, header_end + 32, len(data) - 1, len(data) - 16}
    positions |= {rng.randrange(header_end, len(data)) for _ in range(60)}
    for pos in sorted(positions):
        changed = bytearray(data)
        changed[pos] ^= 1 << rng.randrange(8)
        _expect_tampered(bytes(changed), keys[1], tmp_path)


def test_truncated_or_extended_sealed_file(sealed, keys, tmp_path):
    data = sealed.read_bytes()
    _expect_tampered(data[:-1], keys[1], tmp_path)
    _expect_tampered(data + b"\0", keys[1], tmp_path)
    _expect_tampered(data[: len(data) // 2], keys[1], tmp_path)


def test_changed_header_values_are_detected(sealed, keys, tmp_path):
    data = sealed.read_bytes()
    _expect_tampered(data.replace(b'"year": 2025', b'"year": 2024', 1), keys[1], tmp_path)
    _expect_tampered(data.replace(b"Testby", b"Testb\xc3\xa5", 1), keys[1], tmp_path)


def test_wrong_key(sealed, tmp_path, capsys):
    other = tmp_path / "other"
    other.mkdir()
    _pub, wrong = seal.keygen(other / "fel")
    code, _, err = run(capsys, "unseal", sealed, "--key", wrong, "-o", tmp_path / "out.kkx")
    sealed_for = json.loads(sealed.read_bytes().split(b"\n")[1])["key_id"]
    mine = wrong.read_text().split()[2]  # the key file's header names its id
    assert (code, err) == (
        1,
        "kompass unseal: sealed.kkx kunde inte öppnas – manipulerad eller fel nyckel (filen är förseglad för "
        f"nyckel {sealed_for}, din nyckel är {mine}).\n",
    )
    assert not (tmp_path / "out.kkx").exists()


def test_a_key_of_the_wrong_length(keys, tmp_path, capsys):
    short = tmp_path / "short.key"
    header = keys[1].read_text().splitlines()[0]
    short.write_text(f"{header}\n{base64.b64encode(bytes(31)).decode()}\n")
    with pytest.raises(SealError) as err:
        seal.load_private_key(short)
    assert str(err.value) == f"{short}: nyckeln är skadad (fel längd)."


def test_a_sealed_export_whose_content_is_broken_is_named(keys, tmp_path, capsys):
    public = seal.load_public_key(keys[0])
    header = {"file_id": "x", "framework_id": "2019", "municipality": "Testby", "year": 2025}
    broken = seal.seal_bytes(b"PK\x03\x04 not a zip", public, seal.header_for(header, public))
    source = tmp_path / "broken.kkx"
    source.write_bytes(broken)
    code, _, err = run(capsys, "unseal", source, "--key", keys[1], "-o", tmp_path / "out.kkx")
    assert (code, err) == (
        1,
        "kompass unseal: broken.kkx är avkortad eller skadad (zip-arkivet är ofullständigt).\n",
    )
    assert not (tmp_path / "out.kkx").exists()


def test_a_header_for_another_evaluation_is_refused(session, keys, tmp_path):
    """A header that is sealed right but names another evaluation than the content does."""
    export_evaluation(session.file, tmp_path / "plain.kkx")
    public = seal.load_public_key(keys[0])
    header = {"file_id": "another", "framework_id": "2019", "municipality": "Testby", "year": 2025}
    source = tmp_path / "mixed.kkx"
    plain = (tmp_path / "plain.kkx").read_bytes()
    source.write_bytes(seal.seal_bytes(plain, public, seal.header_for(header, public)))
    with pytest.raises(SealError) as err:
        seal.unseal_file(source, keys[1], tmp_path / "out.kkx")
    expected = "mixed.kkx: huvudet och innehållet gäller olika utvärderingar – manipulerad eller fel nyckel."
    assert str(err.value) == expected
    assert not (tmp_path / "out.kkx").exists()


def test_the_header_is_readable_text(keys):
    """Whoever holds a sealed file sees in plain letters whose it is, without a key."""
    public = seal.load_public_key(keys[0])
    header = {"file_id": "x", "framework_id": "2019", "municipality": "Håbo", "year": 2025}
    data = seal.seal_bytes(b"PK\x03\x04", public, seal.header_for(header, public))
    assert '"municipality": "Håbo"'.encode() in data.split(b"\n")[1]


def test_a_header_too_long_for_the_format_is_refused(keys):
    public = seal.load_public_key(keys[0])
    header = {"file_id": "x", "framework_id": "2019", "municipality": "Å" * 3000, "year": 2025}
    with pytest.raises(ExchangeError) as refused:
        seal.seal_bytes(b"PK\x03\x04", public, seal.header_for(header, public))
    assert str(refused.value) == "Huvudet i den förseglade filen blev för långt."


def test_an_evaluation_without_a_year_is_unsealed_as_such(keys, tmp_path, fw2019, capsys):
    source = tmp_path / "utan-ar.kompass"
    EvaluationSession.create(source, NewEvaluation(fw2019, "Testby", None)).close()
    export_evaluation(source, tmp_path / "s.kkx", seal_key=keys[0])
    code, out, _ = run(capsys, "unseal", tmp_path / "s.kkx", "--key", keys[1], "-o", tmp_path / "o.kkx")
    opened = f"Öppnade {tmp_path / 's.kkx'} → {tmp_path / 'o.kkx'}: Testby, okänt år, ramverk 2019.\n"
    assert (code, out) == (0, opened)


def test_unsealing_needs_the_key(sealed, tmp_path, capsys):
    with pytest.raises(SystemExit) as refused:
        main(["unseal", str(sealed), "-o", str(tmp_path / "o.kkx")])
    assert refused.value.code == 2 and not (tmp_path / "o.kkx").exists()
    assert capsys.readouterr().err.splitlines()[-1] == (
        "kompass unseal: fel: följande argument saknas: --key"
    )


def test_unsealing_a_missing_file_names_it(keys, tmp_path, capsys):
    missing = tmp_path / "saknas.kkx"
    code, _, err = run(capsys, "unseal", missing, "--key", keys[1], "-o", tmp_path / "out.kkx")
    assert (code, err) == (1, f"kompass unseal: Filen {missing} finns inte.\n")
    assert not (tmp_path / "out.kkx").exists()


def test_wrong_key_with_a_forged_key_id(sealed, tmp_path):
    """Even a header claiming the other key's id cannot be opened (the key id is only a hint)."""
    other = tmp_path / "other"
    other.mkdir()
    pub, wrong = seal.keygen(other / "fel")
    data = sealed.read_bytes()
    real_id = json.loads(data.split(b"\n")[1])["key_id"]
    forged = data.replace(real_id.encode(), seal.key_id(seal.load_public_key(pub)).encode(), 1)
    _expect_tampered(forged, wrong, tmp_path)


def test_keys_are_not_confused(session, keys, tmp_path, capsys):
    code, _, err = run(capsys, "export", session.path, "-o", tmp_path / "x.kkx", "--seal", keys[1])
    assert (code, err) == (
        1,
        f"kompass export: {keys[1]} är fel sorts nyckel: ange den publika nyckeln (.pub).\n",
    )
    assert not (tmp_path / "x.kkx").exists()  # a file that is no key at all: see below


def test_sealed_files_cannot_be_imported_or_unsealed_twice(sealed, keys, tmp_path, capsys):
    code, _, err = run(capsys, "import", sealed, "-o", tmp_path / "new.kompass")
    assert (code, err) == (
        1,
        "kompass import: sealed.kkx är förseglad för SKR; öppna den först med ”kompass unseal FIL --key "
        "NYCKEL.key -o UT.kkx”.\n",
    )
    seal.unseal_file(sealed, keys[1], tmp_path / "open.kkx")
    with pytest.raises(SealError) as refused:
        seal.unseal_file(tmp_path / "open.kkx", keys[1], tmp_path / "again.kkx")
    assert str(refused.value) == "open.kkx är inte förseglad (den är redan en vanlig export)."


def test_failed_seal_leaves_nothing(session, tmp_path, capsys):
    folder = tmp_path / "out"
    folder.mkdir()
    code, _, err = run(
        capsys, "export", session.path, "-o", folder / "x.kkx", "--seal", tmp_path / "missing.pub"
    )
    assert (code, err) == (1, f"kompass export: Nyckelfilen {tmp_path / 'missing.pub'} finns inte.\n")
    assert leftovers(folder, set()) == []


# -- key files that are no key ------------------------------------------------------------------


def _export_sealed_with(session, tmp_path, key_file) -> str:
    """Export sealed with ``key_file``: refused, nothing written; the refusal."""
    folder = tmp_path / "out"
    folder.mkdir()
    with pytest.raises(SealError) as refused:
        export_evaluation(session.file, folder / "x.kkx", seal_key=key_file)
    assert leftovers(folder, set()) == []
    return str(refused.value)


def test_a_key_file_that_is_a_folder_is_named(session, tmp_path):
    folder_key = tmp_path / "skr.pub"
    folder_key.mkdir()
    assert _export_sealed_with(session, tmp_path, folder_key) == (
        f"Nyckelfilen {folder_key} kan inte läsas (det är en mapp, inte en fil)."
    )


@pytest.mark.parametrize(
    "content",
    [b"hello\n", "kompass-public-key-v1 x25519 ab\nåäö\n".encode(), b"%PDF-1.7\n\xe2\xe3\xcf\xd3\n"],
    ids=["text", "not ascii", "binary"],
)
def test_a_file_that_is_no_key_is_named(session, tmp_path, content):
    garbage = tmp_path / "skr.pub"
    garbage.write_bytes(content)
    assert _export_sealed_with(session, tmp_path, garbage) == (
        f"{garbage} är ingen nyckelfil från Kompass Desktop (den publika nyckeln (.pub) väntades)."
    )


def test_a_private_key_file_that_is_no_key_is_named(sealed, tmp_path):
    garbage = tmp_path / "skr.key"
    garbage.write_text("kompass-private-key-v1 x25519 ab\n")  # the key line is missing
    with pytest.raises(SealError) as refused:
        seal.unseal_file(sealed, garbage, tmp_path / "open.kkx")
    assert str(refused.value) == (
        f"{garbage} är ingen nyckelfil från Kompass Desktop (den privata nyckeln (.key) väntades)."
    )
    assert not (tmp_path / "open.kkx").exists()


def test_a_key_that_is_not_base64_is_named(session, keys, tmp_path):
    broken = tmp_path / "broken.pub"
    header = keys[0].read_text().splitlines()[0]
    broken.write_text(f"{header}\nnot*base64!\n")
    assert _export_sealed_with(session, tmp_path, broken) == f"{broken}: nyckeln är skadad (ogiltig base64)."


def test_a_weak_public_key_is_refused(session, tmp_path):
    """All zeros is a point of low order: anyone could compute the secret sealed with it."""
    weak = tmp_path / "weak.pub"
    weak.write_text(
        f"kompass-public-key-v1 x25519 0000000000000000\n{base64.b64encode(bytes(32)).decode()}\n"
    )
    assert _export_sealed_with(session, tmp_path, weak) == (
        f"{weak}: nyckeln är ogiltig (en svag punkt på kurvan som inte kan skydda något); be SKR om "
        "rätt nyckelfil."
    )


# -- files that are no sealed export -------------------------------------------------------------


def test_a_plain_export_is_not_unsealed(session, keys, tmp_path):
    export_evaluation(session.file, tmp_path / "plain.kkx")
    with pytest.raises(SealError) as refused:
        seal.unseal_file(tmp_path / "plain.kkx", keys[1], tmp_path / "open.kkx")
    assert str(refused.value) == "plain.kkx är inte förseglad (den är redan en vanlig export)."
    assert not (tmp_path / "open.kkx").exists()


def test_a_file_that_is_not_sealed_at_all_is_named(keys, tmp_path):
    source = tmp_path / "t.kkx"
    source.write_text("Mötesanteckningar, inte en export\n")
    with pytest.raises(SealError) as refused:
        seal.unseal_file(source, keys[1], tmp_path / "out.kkx")
    assert str(refused.value) == (
        "t.kkx kunde inte öppnas – manipulerad eller fel nyckel (känns inte igen som förseglad fil)."
    )
    assert not (tmp_path / "out.kkx").exists()


@pytest.mark.parametrize(
    "header",
    [b"{not json", b'{"content": "something else"}', b"[1, 2]", b'{"content": "\xff"}'],
    ids=["not json", "other content", "not an object", "not utf-8"],
)
def test_a_damaged_header_is_named(sealed, keys, tmp_path, header):
    magic, _header, rest = sealed.read_bytes().split(b"\n", 2)
    source = tmp_path / "t.kkx"
    source.write_bytes(b"\n".join([magic, header, rest]))
    with pytest.raises(SealError) as refused:
        seal.unseal_file(source, keys[1], tmp_path / "out.kkx")
    assert str(refused.value) == "t.kkx kunde inte öppnas – manipulerad eller fel nyckel (huvudet är skadat)."
    assert not (tmp_path / "out.kkx").exists()


def test_a_header_without_its_end_is_named(keys, tmp_path):
    source = tmp_path / "t.kkx"
    source.write_bytes(b"KOMPASS-SEALED 1\n" + b"x" * 5000)  # no line end within the header's limit
    with pytest.raises(SealError) as refused:
        seal.unseal_file(source, keys[1], tmp_path / "out.kkx")
    assert str(refused.value) == "t.kkx kunde inte öppnas – manipulerad eller fel nyckel (huvudet är skadat)."
