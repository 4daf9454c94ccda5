"""A reminder as an e-mail: an RFC 5322 message in UTF-8 with a plain-text and an HTML part, ready
for any mail system to send (`roadmap remind --format eml`, `--smtp`)."""

from __future__ import annotations

from datetime import datetime
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime, make_msgid

from roadmap_cli.report import digest
from roadmap_cli.report.document import DigestDocument
from roadmap_cli.report.formats import DigestFormat


def message(document: DigestDocument, sender: str, address: str, created: datetime) -> EmailMessage:
    """The reminder from `sender` (a checked address, `address` its bare mailbox) to the
    department's e-mail, if the roadmap gives one. Every header value is one line: the subject is
    folded from names that may hold line breaks, and the addresses are checked mailboxes."""
    mail = EmailMessage(policy=SMTP)
    mail["From"] = sender
    if document.email is not None:
        mail["To"] = document.email
    mail["Subject"] = digest.subject(document)
    mail["Date"] = format_datetime(created)
    # The domain is the sender's: without one, the standard library asks the network for this
    # machine's name, which can take seconds per message.
    mail["Message-ID"] = make_msgid("roadmap", domain=address.rpartition("@")[2])
    mail["Auto-Submitted"] = "auto-generated"  # RFC 3834: no out-of-office replies to a reminder
    mail.set_content(digest.render(document, DigestFormat.TEXT))
    mail.add_alternative(digest.render(document, DigestFormat.HTML), subtype="html")
    mail["Content-Language"] = document.language  # after the parts: setting them clears Content-*
    return mail
