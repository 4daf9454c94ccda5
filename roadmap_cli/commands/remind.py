"""`roadmap remind`: each department's reminder of what is overdue, falls due soon or is at risk, in
its own language; on standard output, as one file per department, or sent as e-mail through SMTP.

Every reminder is made before any is written or sent, so a failure to make one changes nothing. A
reminder is reported as sent only once the mail server has accepted it.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from roadmap_cli import messages
from roadmap_cli.analysis import Window
from roadmap_cli.commands.shared import (
    deliver,
    each_with_department,
    emit,
    judging_day,
    load,
    load_several,
    tell,
)
from roadmap_cli.errors import ExitCode, ReportFileError, UsageError
from roadmap_cli.load import LoadedRoadmap
from roadmap_cli.messages import say
from roadmap_cli.model import Roadmap
from roadmap_cli.reminders import Digest, digests
from roadmap_cli.report.build import remind_document
from roadmap_cli.report.document import DigestDocument, RemindDocument
from roadmap_cli.report.formats import DIGEST_SUFFIXES, DigestFormat

if TYPE_CHECKING:
    from email.message import EmailMessage

SENDER_VARIABLE = "ROADMAP_MAIL_FROM"
USER_VARIABLE = "ROADMAP_SMTP_USER"
PASSWORD_VARIABLE = "ROADMAP_SMTP_PASSWORD"
SMTP_TIMEOUT = 30  # seconds a mail server may take to answer: never a hang


@dataclass(frozen=True, slots=True)
class Sender:
    """Who the reminders are from, as the From header says it, and its bare mailbox."""

    header: str
    address: str


@dataclass(frozen=True, slots=True)
class MailServer:
    host: str
    port: int

    def __str__(self) -> str:
        return f"[{self.host}]:{self.port}" if ":" in self.host else f"{self.host}:{self.port}"


def remind(
    paths: Sequence[Path | None],
    as_of: date | datetime | None,
    window: Window,
    department: str | None,
    digest_format: DigestFormat | None,
    output: Path | None,
    sender: Sender | None,
    server: MailServer | None,
    every: bool,
    language: str | None,
) -> ExitCode:
    chosen = digest_format or (DigestFormat.EML if server is not None else DigestFormat.TEXT)
    if server is not None and chosen is not DigestFormat.EML:
        raise UsageError(say("remind.smtp_format"))
    if server is not None and output is not None:
        raise UsageError(say("remind.smtp_output"))
    if chosen is DigestFormat.EML and sender is None:
        raise UsageError(say("remind.sender", variable=SENDER_VARIABLE))
    several = load_several(paths, language)
    loaded = [load(paths[0], language)[0]] if several is None else several
    valid = [each for each in loaded if each.roadmap is not None]
    document = remind_document(_digests(valid, as_of, window, department), window, language, every)
    code = ExitCode.OK if len(valid) == len(loaded) else ExitCode.INVALID
    if document.quiet:
        tell(messages.text("remind.quiet", departments=", ".join(document.quiet)))
    if not document.digests:
        return code
    if server is not None:
        assert sender is not None
        sent = _send(document.digests, sender, server, os.environ)
        return code if sent else ExitCode.OUTPUT
    if output is None:
        _to_stdout(document, chosen, sender)
    else:
        _to_directory(document, chosen, sender, output)
    return code


def _digests(
    loaded: Sequence[LoadedRoadmap], as_of: date | datetime | None, window: Window, department: str | None
) -> list[tuple[LoadedRoadmap, date, Sequence[Digest]]]:
    """Each roadmap's digests; with `department`, of the roadmaps that have it."""

    def judged(each: LoadedRoadmap, roadmap: Roadmap) -> tuple[LoadedRoadmap, date, Sequence[Digest]]:
        day = judging_day(roadmap, as_of)
        return each, day, digests(roadmap, day, window, department)

    return each_with_department(loaded, department, judged)


def _rendered(digest: DigestDocument, chosen: DigestFormat, sender: Sender | None) -> bytes:
    if chosen is DigestFormat.EML:
        assert sender is not None
        return _mail(digest, sender).as_bytes()
    from roadmap_cli.report import digest as digest_format

    return digest_format.render(digest, chosen).encode("utf-8")


def _mail(digest: DigestDocument, sender: Sender) -> EmailMessage:
    from roadmap_cli.report.mail import message

    return message(digest, sender.header, sender.address, datetime.now(UTC))


def _to_stdout(document: RemindDocument, chosen: DigestFormat, sender: Sender | None) -> None:
    """Text, Markdown and JSON reminders one after another; an HTML page or an e-mail is a file of its
    own, so those go to standard output only when there is one."""
    if chosen in (DigestFormat.HTML, DigestFormat.EML):
        if len(document.digests) > 1:
            raise UsageError(say("remind.one_file_each", format=chosen.value))
        deliver(_rendered(document.digests[0], chosen, sender), "-")
        return
    from roadmap_cli.report import digest as digest_format

    emit(digest_format.render_all(document, chosen))


def _to_directory(
    document: RemindDocument, chosen: DigestFormat, sender: Sender | None, output: Path
) -> None:
    """One file per department, `<department>.<suffix>`, each written whole; all are made first."""
    files = [
        (output / f"{digest.department}.{DIGEST_SUFFIXES[chosen]}", _rendered(digest, chosen, sender))
        for digest in document.digests
    ]
    try:
        output.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ReportFileError(
            str(say("storage.cannot_write", path=str(output), reason=exc.strerror or exc))
        ) from None
    for path, raw in files:
        deliver(raw, str(path))
    reminders = messages.count(len(files), "reminder")
    tell(messages.text("remind.written", reminders=reminders, path=str(output)))


def _send(
    digests: Sequence[DigestDocument], sender: Sender, server: MailServer, environ: Mapping[str, str]
) -> bool:
    """Send each reminder that has an address; say each one the server accepted as it does, and every
    one not sent. True when all were sent."""
    import smtplib
    import ssl

    user, password = environ.get(USER_VARIABLE) or None, environ.get(PASSWORD_VARIABLE)
    if user is not None and password is None:
        raise UsageError(say("remind.smtp_password", user=USER_VARIABLE, password=PASSWORD_VARIABLE))
    unsent = [digest.department for digest in digests if digest.email is None]
    for department in unsent:
        tell(messages.text("remind.no_address", department=department))
    addressed = [(digest, _mail(digest, sender)) for digest in digests if digest.email is not None]
    try:
        with smtplib.SMTP(server.host, server.port, timeout=SMTP_TIMEOUT) as smtp:
            smtp.ehlo()
            if smtp.has_extn("starttls"):
                smtp.starttls(context=ssl.create_default_context())
                smtp.ehlo()
            elif user is not None:
                tell(messages.text("remind.smtp_in_clear", server=str(server)))
                return _not_sent([*unsent, *(digest.department for digest, _ in addressed)])
            if user is not None:
                assert password is not None
                smtp.login(user, password)
            while addressed:
                digest, mail = addressed[0]
                try:
                    smtp.send_message(mail)
                except (
                    smtplib.SMTPRecipientsRefused,
                    smtplib.SMTPSenderRefused,
                    smtplib.SMTPDataError,
                ) as exc:
                    tell(messages.text("remind.smtp_failed", server=str(server), problem=_problem(exc)))
                    unsent.append(digest.department)
                else:
                    tell(messages.text("remind.sent", address=digest.email, department=digest.department))
                addressed.pop(0)
    except (OSError, smtplib.SMTPException) as exc:
        tell(messages.text("remind.smtp_failed", server=str(server), problem=_problem(exc)))
        unsent += [digest.department for digest, _ in addressed]
    return _not_sent(unsent)


def _not_sent(departments: list[str]) -> bool:
    if departments:
        tell(messages.text("remind.not_sent", departments=", ".join(departments)))
    return not departments


def _problem(exc: BaseException) -> str:
    """What went wrong, as the server or the system said it, on one line."""
    import smtplib

    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        return "; ".join(
            f"{address}: {code} {reply.decode('utf-8', 'replace')}"
            for address, (code, reply) in exc.recipients.items()
        )
    if isinstance(exc, smtplib.SMTPResponseException):
        reply = (
            exc.smtp_error.decode("utf-8", "replace") if isinstance(exc.smtp_error, bytes) else exc.smtp_error
        )
        return " ".join(f"{exc.smtp_code} {reply}".split())
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return " ".join(str(exc).split()) or type(exc).__name__
