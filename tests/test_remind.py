"""`roadmap remind`: a reminder per department in its language, as text, Markdown, HTML, JSON and
e-mail, and sent through a real SMTP server on 127.0.0.1 (aiosmtpd), with STARTTLS and a login."""

from __future__ import annotations

import email
import json
import socket
import ssl
from collections.abc import Iterator
from email.message import EmailMessage
from email.policy import default
from pathlib import Path
from typing import Any

import pytest

from roadmap_cli.errors import ExitCode
from tests.conftest import Run, RunResult, Write
from tests.helpers import dedent

AS_OF = "2026-12-02"  # a Wednesday: 5 working days run to Wednesday 9 December
HOSTILE = "Evil\\r\\nBcc: victim@example.org <script>alert(1)</script>"
SUBMITTED = ", ".join(f'{{period: "2026-{month:02}", on: 2026-{month + 1:02}-03}}' for month in range(1, 11))

ROADMAP = dedent(
    """
    roadmap:
      id: demo
      title: {{kk: Демо жол картасы, ru: Демо дорожная карта}}
      timezone: Asia/Aqtobe
    departments:
      - id: energy
        name: {{kk: Энергетика басқармасы, ru: Управление энергетики}}
        language: kk
        email: energy@example.kz
      - id: roads
        name: {{kk: Жолдар басқармасы, ru: Управление дорог}}
        language: ru
        email: roads@example.kz
      - id: economy
        name: {{kk: Экономика басқармасы, ru: Управление экономики}}
    tasks:
      - id: "1.1"
        title: {{kk: Қосалқы станция салу, ru: Построить подстанцию}}
        department: energy
        deadline: 2026-11-20
      - id: "1.2"
        title: {{kk: Газ желісінің жобасы, ru: Проект газовой сети}}
        department: energy
        co_executors: [roads]
        deadline: 2026-12-04
      - id: "1.3"
        title: {{kk: Ерте кешіккен, ru: Давно просрочено}}
        department: energy
        deadline: 2026-10-01
      - id: "2.1"
        title: {{kk: Жол салу, ru: Построить дорогу}}
        department: roads
        deadline: 2027-03-01
      - id: "2.2"
        title: "{hostile}"
        department: roads
        deadline: 2026-12-08
      - id: "3.1"
        title: {{kk: Ай сайынғы есеп, ru: Ежемесячный отчёт}}
        department: energy
        recurrence: {{every: monthly, starts: 2026-01-01, due_day: 5}}
        status: in_progress
        submissions: [{submissions}]
      - id: "3.2"
        title: {{kk: Дайын, ru: Готово}}
        department: economy
        deadline: 2026-12-03
        status: done
        completed: 2026-11-30
    """
).format(hostile=HOSTILE, submissions=SUBMITTED)


@pytest.fixture
def plan(write: Write) -> Path:
    return write(ROADMAP)


def test_each_department_is_reminded_in_its_own_language_worst_first(run: Run, plan: Path) -> None:
    result = run("remind", str(plan), "--as-of", AS_OF)
    assert result.exit_code == ExitCode.OK, result.stderr
    energy, roads = _split(result.stdout)
    assert energy.startswith("Мерзімдер туралы еске салу: Энергетика басқармасы, 02.12.2026")
    # The oldest overdue first, then the one due soonest; the duty's report coming due of its own.
    assert energy.index("1.3  Ерте кешіккен") < energy.index("1.1  Қосалқы станция салу")
    assert "62 күн кешікті" in energy
    assert "1.2  Газ желісінің жобасы" in energy
    assert "3.1  Ай сайынғы есеп" in energy and "кезең 2026-11" in energy
    assert "  2.1  " not in energy and "  3.2  " not in energy
    assert roads.startswith("Напоминание о сроках: Управление дорог, 02.12.2026")
    # Roads co-executes 1.2: it hears of it, with whose lead it is.
    assert "1.2  Проект газовой сети" in roads
    assert "соисполнитель; ответственный: Управление энергетики" in roads
    assert "  2.1  " not in roads  # March is not within five working days
    # Economy has nothing to be reminded of (3.2 is done): no reminder, and stderr says so.
    assert "экономики" not in result.stdout
    assert "nothing to remind economy of" in result.stderr


def _split(stdout: str) -> list[str]:
    """The text reminders one after another: each begins with its heading line."""
    starts = [
        index
        for index, line in enumerate(stdout.splitlines())
        if line.startswith(("Мерзімдер туралы", "Напоминание о"))
    ]
    lines = stdout.splitlines()
    return ["\n".join(lines[start:end]) for start, end in zip(starts, [*starts[1:], len(lines)], strict=True)]


def test_a_reminder_lists_what_status_lists_for_that_department(run: Run, plan: Path) -> None:
    reminded = json.loads(run("remind", str(plan), "--as-of", AS_OF, "--format", "json").stdout)
    for digest in reminded["digests"]:
        department = digest["department"]
        status = json.loads(
            run(
                "status",
                str(plan),
                "--as-of",
                AS_OF,
                "--warn-days",
                "5wd",
                "--department",
                department,
                "--format",
                "json",
            ).stdout
        )
        [part] = digest["roadmaps"]
        listed = {
            (row["id"], row["period"])
            for key in ("overdue", "due_soon", "duties", "at_risk")
            for row in part[key]
        }
        shown = {
            (row["id"], row["period"]) for key in ("overdue", "due_soon", "at_risk") for row in status[key]
        }
        assert listed == shown, department
    assert reminded["quiet"] == ["economy"]
    assert [digest["language"] for digest in reminded["digests"]] == ["kk", "ru"]


def test_every_department_gets_one_when_asked_and_it_says_nothing_is_due(run: Run, plan: Path) -> None:
    result = run("remind", str(plan), "--as-of", AS_OF, "--every-department", "--department", "economy")
    assert result.exit_code == ExitCode.OK
    # Economy names no language: the roadmap names none either, so English.
    assert result.stdout.startswith("Deadline reminder for Управление экономики (ru), 2026-12-02")
    assert "\nNothing is overdue, at risk or due within 5 working days\n" in result.stdout


def _written(run: Run, plan: Path, tmp_path: Path, *extra: str) -> dict[str, EmailMessage]:
    out = tmp_path / "out"
    result = run(
        "remind",
        str(plan),
        "--as-of",
        AS_OF,
        "--format",
        "eml",
        "--from",
        "Akimat <roadmap@akimat.example.kz>",
        "-o",
        str(out),
        *extra,
    )
    assert result.exit_code == ExitCode.OK, result.stderr
    assert "2 reminders written to" in result.stderr
    parsed = {}
    for path in sorted(out.iterdir()):
        message = email.message_from_bytes(path.read_bytes(), policy=default)
        assert isinstance(message, EmailMessage)
        parsed[path.stem] = message
    return parsed


def test_eml_messages_parse_back_with_both_parts_in_utf8(run: Run, plan: Path, tmp_path: Path) -> None:
    messages = _written(run, plan, tmp_path)
    assert set(messages) == {"energy", "roads"}
    energy = messages["energy"]
    assert energy["From"] == "Akimat <roadmap@akimat.example.kz>"
    assert energy["To"] == "energy@example.kz"
    assert energy["Subject"] == (
        "Жол картасының мерзімдері: мерзімі өткені: 2, 5 жұмыс күні ішінде: 1, тапсырылатын есептер: 1"
        " — Энергетика басқармасы"
    )
    assert energy["Content-Language"] == "kk"
    assert energy["Auto-Submitted"] == "auto-generated"
    assert energy["Date"] is not None and energy["Message-ID"].endswith("@akimat.example.kz>")
    assert energy.get_content_type() == "multipart/alternative"
    plain, html = energy.iter_parts()
    assert plain.get_content_type() == "text/plain" and plain.get_content_charset() == "utf-8"
    assert html.get_content_type() == "text/html" and html.get_content_charset() == "utf-8"
    assert "Қосалқы станция салу" in plain.get_content()
    assert "Қосалқы станция салу" in html.get_content()
    assert messages["roads"]["Subject"].startswith("Сроки дорожной карты: срок в ближайшие 5 рабочих дней: 2")


def test_hostile_titles_stay_inert_and_add_no_header(run: Run, plan: Path, tmp_path: Path) -> None:
    roads = _written(run, plan, tmp_path)["roads"]
    assert roads["Bcc"] is None
    assert [key for key in roads if key.lower() in ("bcc", "cc")] == []
    plain, html = roads.iter_parts()
    assert "\\r\\nBcc" in plain.get_content() or "Evil" in plain.get_content()
    assert "<script>" not in html.get_content()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html.get_content()


def test_html_to_stdout_is_one_page_escaped(run: Run, plan: Path) -> None:
    result = run("remind", str(plan), "--as-of", AS_OF, "--format", "html", "--department", "roads")
    assert result.exit_code == ExitCode.OK
    assert result.stdout.startswith("<!DOCTYPE html>") and '<html lang="ru">' in result.stdout
    assert "<script>" not in result.stdout
    several = run("remind", str(plan), "--as-of", AS_OF, "--format", "html")
    assert several.exit_code == ExitCode.USAGE
    assert "--output DIR" in several.stderr


def test_markdown_escapes_what_the_file_says(run: Run, plan: Path) -> None:
    result = run("remind", str(plan), "--as-of", AS_OF, "--format", "markdown", "--department", "roads")
    assert result.exit_code == ExitCode.OK
    assert result.stdout.startswith("## Напоминание о сроках")
    assert "<script>" not in result.stdout and "&lt;script&gt;" in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "eml"], "--from ADDRESS"),
        (["--from", "a@b.kz", "--smtp", "localhost"], "is not HOST:PORT"),
        (["--from", "a@b.kz", "--smtp", "localhost:99999"], "is not HOST:PORT"),
        (["--from", "nobody", "--format", "eml"], "is not an e-mail address"),
        (["--from", "a@b.kz\r\nBcc: x@y.kz", "--format", "eml"], "is not an e-mail address"),
        (["--from", "a@b.kz", "--smtp", "localhost:25", "--format", "text"], "--format eml"),
        (["--within", "soon"], "--within"),
        (["--department", "nowhere"], "nowhere"),
    ],
)
def test_wrong_usage_is_one_line_and_exit_2(run: Run, plan: Path, args: list[str], message: str) -> None:
    result = run("remind", str(plan), "--as-of", AS_OF, *args)
    assert result.exit_code == ExitCode.USAGE, result.stderr
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_a_bad_address_in_the_roadmap_is_a_finding_with_its_place(run: Run, write: Write) -> None:
    plan = write(ROADMAP.replace("email: roads@example.kz", 'email: "roads@example.kz\\nBcc: x@y.kz"'))
    result = run("remind", str(plan), "--as-of", AS_OF)
    assert result.exit_code == ExitCode.INVALID
    assert (
        f"{plan}:13:12: department roads email:" in result.stderr
        and "is not an e-mail address" in result.stderr
    )


# ---- a real SMTP server on 127.0.0.1 --------------------------------------------------------------


class _Inbox:
    """What the server accepted: each message's envelope and bytes."""

    def __init__(self) -> None:
        self.received: list[tuple[str, list[str], bytes]] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.received.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.original_content))
        return "250 OK"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture
def inbox() -> Iterator[tuple[_Inbox, int]]:
    from aiosmtpd.controller import Controller

    handler = _Inbox()
    controller = Controller(handler, hostname="127.0.0.1", port=_free_port())
    controller.start()
    try:
        yield handler, controller.port
    finally:
        controller.stop()


def test_sent_through_smtp_and_received_intact(run: Run, plan: Path, inbox: tuple[_Inbox, int]) -> None:
    handler, port = inbox
    result = run(
        "remind",
        str(plan),
        "--as-of",
        AS_OF,
        "--smtp",
        f"127.0.0.1:{port}",
        env={"ROADMAP_MAIL_FROM": "roadmap@akimat.example.kz"},
    )
    assert result.exit_code == ExitCode.OK, result.stderr
    assert sorted(rcpt for _sender, rcpts, _raw in handler.received for rcpt in rcpts) == [
        "energy@example.kz",
        "roads@example.kz",
    ]
    assert "sent to energy@example.kz: energy" in result.stderr
    assert "sent to roads@example.kz: roads" in result.stderr
    received = {
        rcpts[0]: email.message_from_bytes(raw, policy=default) for _s, rcpts, raw in handler.received
    }
    energy = received["energy@example.kz"]
    assert str(energy["Subject"]).startswith("Жол картасының мерзімдері")
    assert "Қосалқы станция салу" in energy.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    assert handler.received[0][0] == "roadmap@akimat.example.kz"


def send(run: Run, plan: Path, port: int, **environment: str) -> RunResult:
    """`remind --smtp` through the server on 127.0.0.1 at `port`, from the akimat's address."""
    sender = {"ROADMAP_MAIL_FROM": "roadmap@akimat.example.kz", **environment}
    return run("remind", str(plan), "--as-of", AS_OF, "--smtp", f"127.0.0.1:{port}", env=sender)


def login(password: str) -> dict[str, str]:
    """The login the command reads from the environment (the server takes akimat / s3cret)."""
    return {"ROADMAP_SMTP_USER": "akimat", "ROADMAP_SMTP_PASSWORD": password}


def test_a_refused_connection_is_one_line_and_nothing_is_reported_sent(run: Run, plan: Path) -> None:
    port = _free_port()  # nothing listens there
    result = send(run, plan, port)
    assert result.exit_code == ExitCode.OUTPUT
    assert f"could not send through 127.0.0.1:{port}: Connection refused" in result.stderr
    assert "sent to" not in result.stderr
    assert "not sent: energy, roads" in result.stderr


def test_a_department_without_an_address_is_said_not_sent(
    run: Run, write: Write, inbox: tuple[_Inbox, int]
) -> None:
    handler, port = inbox
    plan = write(ROADMAP.replace("    email: roads@example.kz\n", ""))
    result = send(run, plan, port)
    assert result.exit_code == ExitCode.OUTPUT
    assert "roads has no email in the roadmap" in result.stderr
    assert "not sent: roads" in result.stderr
    assert [rcpts for _s, rcpts, _raw in handler.received] == [["energy@example.kz"]]


class _Refusing(_Inbox):
    """A server that takes the first message and refuses the one to roads."""

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        if "roads@example.kz" in envelope.rcpt_tos:
            return "554 5.7.1 Message rejected"
        return await super().handle_DATA(server, session, envelope)


def test_a_message_the_server_refuses_is_not_reported_sent(run: Run, plan: Path) -> None:
    from aiosmtpd.controller import Controller

    handler = _Refusing()
    controller = Controller(handler, hostname="127.0.0.1", port=_free_port())
    controller.start()
    try:
        result = run(
            "remind", str(plan), "--as-of", AS_OF, "--smtp", f"127.0.0.1:{controller.port}",
            "--from", "roadmap@akimat.example.kz",
        )  # fmt: skip
    finally:
        controller.stop()
    assert result.exit_code == ExitCode.OUTPUT
    assert "sent to energy@example.kz: energy" in result.stderr
    assert "sent to roads" not in result.stderr
    assert "554 5.7.1 Message rejected" in result.stderr
    assert "not sent: roads" in result.stderr
    assert [rcpts for _s, rcpts, _raw in handler.received] == [["energy@example.kz"]]


@pytest.fixture
def secure_inbox(tmp_path: Path) -> Iterator[tuple[_Inbox, int, Path]]:
    """A server that offers STARTTLS with a certificate of a test authority, and takes a login only
    over TLS; the authority's certificate is in the file returned."""
    import trustme
    from aiosmtpd.controller import Controller
    from aiosmtpd.smtp import AuthResult, LoginPassword

    authority = trustme.CA()
    certificate = authority.issue_cert("127.0.0.1")
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    certificate.configure_cert(context)
    ca_file = tmp_path / "ca.pem"
    authority.cert_pem.write_to_path(str(ca_file))

    def authenticate(server: Any, session: Any, envelope: Any, mechanism: str, data: Any) -> AuthResult:
        given = (data.login, data.password) if isinstance(data, LoginPassword) else None
        good = given in ((b"akimat", b"s3cret"), ("akimat", "s3cret"))
        return AuthResult(success=good, handled=False)  # the server answers 535 itself

    handler = _Inbox()
    controller = Controller(
        handler,
        hostname="127.0.0.1",
        port=_free_port(),
        tls_context=context,
        require_starttls=True,
        authenticator=authenticate,
        auth_require_tls=True,
    )
    controller.start()
    try:
        yield handler, controller.port, ca_file
    finally:
        controller.stop()


def test_starttls_and_a_login_from_the_environment(
    run: Run, plan: Path, secure_inbox: tuple[_Inbox, int, Path]
) -> None:
    handler, port, ca_file = secure_inbox
    result = send(
        run,
        plan,
        port,
        ROADMAP_SMTP_USER="akimat",
        ROADMAP_SMTP_PASSWORD="s3cret",
        SSL_CERT_FILE=str(ca_file),
    )
    assert result.exit_code == ExitCode.OK, result.stderr
    assert len(handler.received) == 2


def test_a_refused_login_sends_nothing_and_says_so(
    run: Run, plan: Path, secure_inbox: tuple[_Inbox, int, Path]
) -> None:
    handler, port, ca_file = secure_inbox
    result = send(
        run, plan, port, ROADMAP_SMTP_USER="akimat", ROADMAP_SMTP_PASSWORD="wrong", SSL_CERT_FILE=str(ca_file)
    )
    assert result.exit_code == ExitCode.OUTPUT
    [failure] = [line for line in result.stderr.splitlines() if "could not send" in line]
    assert "535" in failure
    assert "sent to" not in result.stderr and "not sent: energy, roads" in result.stderr
    assert handler.received == []


def test_a_password_is_never_sent_in_the_clear(run: Run, plan: Path, inbox: tuple[_Inbox, int]) -> None:
    handler, port = inbox  # this server offers no STARTTLS
    result = send(run, plan, port, **login("s3cret"))
    assert result.exit_code == ExitCode.OUTPUT
    assert "does not offer STARTTLS" in result.stderr
    assert handler.received == []
