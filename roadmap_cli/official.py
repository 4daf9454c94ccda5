"""The fixed vocabulary of states an official execution report uses ("Информация о ходе исполнения"):
each deadline, as judged, in the one word a report to the akim or the Government gives it.

    executed        исполнено                       орындалды
    executed-late   исполнено с нарушением срока    мерзімі бұзылып орындалды
    not-executed    не исполнено                    орындалмады
    at-risk         риск неисполнения               орындалмау қаупі бар
    postponed       перенос срока                   мерзімі ауыстырылды
    in-work         в работе                        орындалуда
    withdrawn       снято с контроля                бақылаудан алынды

The first that holds, in this order: withdrawn (cancelled, with its reason as the basis); executed or
executed late (done, or a period reported, by or after its deadline); not executed (open, its day
passed); at risk (see `analysis.RiskReason`); postponed (open, moved under a recorded decision: the
original deadline and the basis go with it); else in work. A standing obligation is in work.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from roadmap_cli.model import Status

if TYPE_CHECKING:
    from roadmap_cli.analysis import Assessment


class OfficialState(StrEnum):
    EXECUTED = "executed"
    EXECUTED_LATE = "executed-late"
    NOT_EXECUTED = "not-executed"
    AT_RISK = "at-risk"
    POSTPONED = "postponed"
    IN_WORK = "in-work"
    WITHDRAWN = "withdrawn"


def official_state(assessment: Assessment) -> OfficialState:
    """The report's word for a deadline as judged on its as-of day (see the module's docstring)."""
    status = assessment.status
    if status is Status.CANCELLED:
        return OfficialState.WITHDRAWN
    if status is Status.DONE or assessment.submitted is not None:
        return OfficialState.EXECUTED_LATE if assessment.is_done_late else OfficialState.EXECUTED
    if assessment.is_overdue:
        return OfficialState.NOT_EXECUTED
    if assessment.risk is not None:
        return OfficialState.AT_RISK
    if assessment.task.postponements and assessment.period is None:
        return OfficialState.POSTPONED
    return OfficialState.IN_WORK
