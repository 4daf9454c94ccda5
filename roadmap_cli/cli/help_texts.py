"""`--help` in Kazakh and Russian: each English help text of the command line, said again.

The English texts stay where Typer reads them (the commands' docstrings and the options' `help=`);
this table is keyed by those texts themselves, as gettext keys a translation by its message, so an
English text that changes without its translations is caught (tests/test_help.py) instead of
silently showing the old one. The parser's own words (Usage, Options, [default: ...]) are
`FRAMING`, said by the help formatter in `usage.py`.
"""

from __future__ import annotations

from collections.abc import Mapping

# Russian: the words of the akimat's documents (исполнитель, срок, отчётный период, перенос срока).
_RU: Mapping[str, str] = {
    "Keep a roadmap's deadlines: validate it, see who is late with what, fail CI on missed deadlines.":
        "Контроль сроков дорожной карты: проверка файла, кто и с чем опаздывает, сбой CI при нарушении сроков.",
    "Show a traceback for internal errors.": "Показывать трассировку при внутренних ошибках.",
    "Print the version and exit.": "Показать версию и выйти.",
    "Check roadmap files: every problem as PATH:LINE:COLUMN: message. Exit 3 when any is invalid.":
        "Проверить файлы дорожной карты: каждая ошибка как ПУТЬ:СТРОКА:СТОЛБЕЦ: сообщение. "
        "Код выхода 3, если хотя бы один файл неверен.",
    "Roadmap files (several, for a pre-commit hook), or directories of them. Default: the roadmap found as "
    "for the other commands.":
        "Файлы дорожной карты (несколько — для хука pre-commit) или папки с ними. По умолчанию: "
        "дорожная карта, найденная так же, как для других команд.",
    "Roadmap files, or directories of them (their *.yaml and *.yml files). Several give a summary per "
    "roadmap and per department across them. Default: $ROADMAP_FILE, else roadmap.yaml, roadmap.yml, "
    "data/roadmap.yaml or data/roadmap.yml in this directory or a parent, up to the repository root.":
        "Файлы дорожных карт или папки с ними (их файлы *.yaml и *.yml). Для нескольких — сводка по "
        "каждой дорожной карте и по каждому управлению по всем картам. По умолчанию: $ROADMAP_FILE, "
        "иначе roadmap.yaml, roadmap.yml, data/roadmap.yaml или data/roadmap.yml в этой папке или выше, "
        "до корня репозитория.",
    "table (default), json, markdown, github (default when GITHUB_ACTIONS=true) or junit.":
        "table (по умолчанию), json, markdown, github (по умолчанию при GITHUB_ACTIONS=true) или junit.",
    "List every row (the table and Markdown show the worst 20 of each list).":
        "Показать все строки (таблица и Markdown показывают 20 худших в каждом списке).",
    "The language of the report. Default: $ROADMAP_LANG, else the roadmap's language, else en.":
        "Язык отчёта. По умолчанию: $ROADMAP_LANG, иначе язык дорожной карты, иначе en.",
    "Print the JSON Schema of the roadmap file format, for editors (yaml-language-server) and tools.":
        "Вывести JSON Schema формата дорожной карты для редакторов (yaml-language-server) и программ.",
    "Per-department progress, overdue tasks (worst first) and tasks due soon.\n\n"
    "Days left and days late are shown in calendar days and, in brackets, working days.\n"
    "A view for people: it exits 0 whenever it could show the roadmap. `roadmap check` is the gate.":
        "Ход исполнения по управлениям, просроченные мероприятия (худшие первыми) и мероприятия "
        "с приближающимся сроком.\n\n"
        "Оставшиеся дни и дни просрочки показаны в календарных днях и, в скобках, в рабочих.\n"
        "Это обзор для людей: код выхода 0, если дорожную карту удалось показать. "
        "Проверка для CI — `roadmap check`.",
    "The roadmap file. Default: $ROADMAP_FILE, else roadmap.yaml, roadmap.yml, data/roadmap.yaml or "
    "data/roadmap.yml in this directory or a parent, up to the repository root.":
        "Файл дорожной карты. По умолчанию: $ROADMAP_FILE, иначе roadmap.yaml, roadmap.yml, "
        "data/roadmap.yaml или data/roadmap.yml в этой папке или выше, до корня репозитория.",
    "execution: the official execution report (docx, xlsx); brief: the page for the meeting (html).":
        "execution: официальная информация о ходе исполнения (docx, xlsx); brief: справка к совещанию (html).",
    "docx (Word), xlsx (Excel) or html (the brief). Default: as the --output file's name ends.":
        "docx (Word), xlsx (Excel) или html (справка). По умолчанию: по окончанию имени файла --output.",
    "The file to write (replaced whole, never half-written), or - for standard output.":
        "Файл для записи (заменяется целиком, никогда не наполовину) или - для стандартного вывода.",
    "Only this section's items.": "Только мероприятия этого раздела.",
    'For people: the official execution report ("Информация о ходе исполнения") as a Word or Excel\n'
    "file, or the brief for the meeting as a printable page with a timeline.":
        "Для людей: официальная информация о ходе исполнения в виде файла Word или Excel\n"
        "или справка к совещанию — страница для печати с графиком исполнения.",
    "The roadmap file, or a directory of roadmaps. Default: $ROADMAP_FILE, else roadmap.yaml, "
    "roadmap.yml, data/roadmap.yaml or data/roadmap.yml in this directory or a parent, up to the "
    "repository root.":
        "Файл дорожной карты или папка дорожных карт. По умолчанию: $ROADMAP_FILE, иначе roadmap.yaml, roadmap.yml, "
        "data/roadmap.yaml или data/roadmap.yml в этой папке или выше, до корня репозитория.",
    "The date to judge deadlines on, or an instant with its offset (2026-11-25T20:30:00Z). "
    "Default: today in the roadmap's time zone.":
        "Дата, на которую оцениваются сроки, или момент со смещением (2026-11-25T20:30:00Z). "
        "По умолчанию: сегодня в часовом поясе дорожной карты.",
    "Only this department's row and the tasks it leads or co-executes.":
        "Только строка этого управления и мероприятия, где оно ответственный исполнитель или соисполнитель.",
    "Deadlines within N calendar days (14) or N working days (10wd) count as due soon.":
        "Сроки в пределах N календарных дней (14) или N рабочих дней (10wd) считаются приближающимися.",
    "For CI: print each overdue task as PATH:LINE:COLUMN and exit 1 when any deadline was missed.\n\n"
    "A recurring duty is overdue for each period due and not submitted.":
        "Для CI: вывести каждое просроченное мероприятие как ПУТЬ:СТРОКА:СТОЛБЕЦ; код выхода 1 при "
        "нарушении любого срока.\n\n"
        "Периодическая обязанность просрочена за каждый отчётный период, срок которого наступил, "
        "а отчёт не сдан.",
    "Exit 1 on overdue tasks (default), also on tasks due soon, or never.":
        "Код выхода 1 при просроченных мероприятиях (по умолчанию), также при приближающихся сроках, "
        "или никогда.",
    "Changes to the roadmap between two git revisions, grouped by department.\n\n"
    "With --check, exit 1 when the change moves a deadline later without a postponement record,\n"
    "edits or removes a postponement record, removes a task that was not cancelled, cancels one\n"
    "without a reason, or marks one done on a date after the change.":
        "Изменения дорожной карты между двумя ревизиями git, по управлениям.\n\n"
        "С --check код выхода 1, если изменение переносит срок без записи о переносе, правит или "
        "удаляет запись о переносе, удаляет неснятое мероприятие, снимает мероприятие без основания "
        "или отмечает исполнение датой позже изменения.",
    "The git revision to compare from (e.g. origin/main).": "Ревизия git, с которой сравнивать (например, origin/main).",
    "The revision to compare to. Default: the working tree.": "Ревизия, с которой сравнивать. По умолчанию: рабочая копия.",
    "Exit 1 when the change breaks the postponement policy.": "Код выхода 1, если изменение нарушает порядок переноса сроков.",
    "Mark a task done: status done, completed on the date (and the evidence, if given).":
        "Отметить мероприятие исполненным: статус done, дата исполнения (и подтверждение, если указано).",
    "The id of the task to change.": "Номер изменяемого мероприятия.",
    "The day it was done, submitted or reported on. Default: today in the roadmap's time zone.":
        "День исполнения, сдачи или отчёта. По умолчанию: сегодня в часовом поясе дорожной карты.",
    "Add a progress note to a task: what was done by a day, and the document that shows it.":
        "Добавить отметку о ходе исполнения: что сделано к дате и каким документом подтверждено.",
    "What was done.": "Что сделано.",
    "The document it cites, with its number and date (a letter).":
        "Документ-подтверждение с номером и датой (письмо).",
    "What shows it is done: a document, a protocol.": "Чем подтверждено исполнение: документ, протокол.",
    "The roadmap file to edit. Default: found as for the other commands.":
        "Изменяемый файл дорожной карты. По умолчанию: найденный так же, как для других команд.",
    "Show the change as a diff and write nothing.": "Показать изменение как diff и ничего не записывать.",
    "Report one period of a recurring duty: a submission record (period, date, evidence) is added.":
        "Сдать отчёт за один период периодической обязанности: добавляется запись (период, дата, подтверждение).",
    "The period reported: 2026-W05, 2026-01, 2026-Q1, 2026-H1, 2026.":
        "Отчётный период: 2026-W05, 2026-01, 2026-Q1, 2026-H1, 2026.",
    "Mark a task in progress (a blocked task's reason is removed).":
        "Отметить мероприятие как исполняемое (причина приостановки удаляется).",
    "Mark a task blocked, with the reason.": "Приостановить мероприятие с указанием причины.",
    "Why; kept in the file.": "Причина; сохраняется в файле.",
    "Cancel a task, with the reason. A cancelled task no longer counts as late.":
        "Снять мероприятие с контроля с указанием основания. Снятое мероприятие не считается просроченным.",
    "Put a done, cancelled or blocked task back in progress (removes completed, evidence and reason).":
        "Вернуть исполненное, снятое или приостановленное мероприятие в работу (удаляет дату исполнения, "
        "подтверждение и причину).",
    "Move a deadline later: records the postponement and changes the deadline in one edit.":
        "Перенести срок: одной правкой записывает перенос и меняет срок.",
    "The new deadline.": "Новый срок.",
    "The document that allowed it (a protocol, an order).": "Документ-основание (протокол, распоряжение).",
    "Add a task at the end of the roadmap; in a terminal, asks for what is missing.":
        "Добавить мероприятие в конец дорожной карты; в терминале спрашивает недостающее.",
    "The new task's id.": "Номер нового мероприятия.",
    "What is to be done.": "Что должно быть сделано.",
    "The lead department's id.": "Код ответственного управления.",
    "The deadline: a date or an official wording.": "Срок: дата или официальная формулировка.",
    "A co-executing department (repeat for more).": "Управление-соисполнитель (можно повторить).",
    "A task this one waits for (repeat for more).": "Мероприятие, от которого зависит это (можно повторить).",
    "The form of completion.": "Форма завершения.",
    "Write a small commented roadmap to start from; an existing file is never replaced.":
        "Создать небольшую дорожную карту с комментариями для начала работы; существующий файл не заменяется.",
    "The file to write (default: roadmap.yaml here).": "Создаваемый файл (по умолчанию: roadmap.yaml в этой папке).",
    "Put files in the standard layout (2-space indentation, a task's keys in order); content is kept.":
        "Привести файлы к стандартному виду (отступ 2 пробела, ключи мероприятия по порядку); содержание "
        "сохраняется.",
    "Roadmap files. Default: the roadmap found as for the other commands.":
        "Файлы дорожной карты. По умолчанию: найденная так же, как для других команд.",
    "Write nothing; exit 1 when a file is not in the standard layout.":
        "Ничего не записывать; код выхода 1, если файл не в стандартном виде.",
    "Make a roadmap from a plan's table as it arrived (Word, Excel or CSV): its sections, items,\n"
    "executors, deadline wordings and costs; every row it cannot fully read is named and kept for review.":
        "Составить дорожную карту из таблицы плана в том виде, в каком он поступил (Word, Excel или CSV):\n"
        "разделы, пункты, исполнители, формулировки сроков и расходы; каждая строка, прочитанная не\n"
        "полностью, называется и сохраняется для уточнения.",
    "The plan as it arrived: a Word (.docx), Excel (.xlsx) or CSV file with the plan's table.":
        "План в том виде, в каком он поступил: файл Word (.docx), Excel (.xlsx) или CSV с таблицей плана.",
    "Read the Nth table (from 1). Default: the first with a plan's header.":
        "Читать N-ю таблицу (с 1). По умолчанию: первую с шапкой плана.",
    "Read the Excel sheet of this name.": "Читать лист Excel с этим именем.",
    "The roadmap file to write (never an existing one), or - for standard output.":
        "Файл дорожной карты для записи (никогда не существующий) или - для стандартного вывода.",
    "The plan in Russian, with --kk: one roadmap with every text in both languages.":
        "План на русском, вместе с --kk: одна дорожная карта со всеми текстами на двух языках.",
    "The same plan in Kazakh, with --ru.": "Тот же план на казахском, вместе с --ru.",
    "A department's reply form (Excel): its items, with columns to fill in with what was done, the\n"
    "document, the day and a new status, for `roadmap import-progress` to take back.":
        "Форма ответа управления (Excel): его пункты с графами для заполнения (что сделано, документ,\n"
        "дата и новый статус), которые `roadmap import-progress` примет обратно.",
    "Take a department's filled-in reply form back into the roadmap: each row's information as a\n"
    "progress note and its new status, all or nothing; a row that no longer matches is refused.":
        "Принять заполненную форму ответа управления в дорожную карту: информация каждой строки как\n"
        "отметка о ходе исполнения и её новый статус, всё или ничего; несовпадающая строка отклоняется.",
    "The department whose form it is: its id or its name.": "Управление, чья это форма: идентификатор или название.",
    "xlsx (Excel), the one form there is.": "xlsx (Excel), единственный формат формы.",
    "The department's filled-in reply form (.xlsx).": "Заполненная управлением форма ответа (.xlsx).",
    "Add the plan's new items to this roadmap (every other byte kept) instead of writing one.":
        "Добавить новые пункты плана в эту дорожную карту (все остальные байты сохраняются) вместо новой.",
    "The roadmap as it stood then, from git: the last commit on or before DATE (in the roadmap's time zone), judged on DATE; or a revision, judged on its day.":
        "Дорожная карта, какой она была тогда, из git: последний коммит на DATE или раньше (в часовом\n"
        "поясе дорожной карты), оценка на DATE; или ревизия, оценка на её день.",
    "Who changed which deadline, status, lead or title, when, and on what basis, over the roadmap\n"
    "file's git history (the main line, renames followed); a deadline moved without a record is marked.":
        "Кто, когда и на каком основании менял сроки, статусы, ответственных и наименования по истории\n"
        "git файла дорожной карты (основная линия, с переименованиями); перенос без записи отмечается.",
    "Only these tasks' changes.": "Только изменения этих задач.",
    "The roadmap file (default: found as for every command).": "Файл дорожной карты (по умолчанию: найденный, как для всех команд).",
    "Only changes committed on or after DATE (roadmap's zone).": "Только изменения, закоммиченные с DATE (в поясе дорожной карты).",
    "Only changes committed on or before DATE (roadmap's zone).": "Только изменения, закоммиченные по DATE (в поясе дорожной карты).",
    "Instead: each task's deadline against its baseline, and the days slipped.":
        "Вместо этого: срок каждой задачи относительно базового плана и дни сдвига.",
    "With --history (status), --slippage or --on-time (history): measure from the roadmap at this revision or date (default: each task from the commit that added it).":
        "С --history (status), --slippage или --on-time (history): отсчитывать от дорожной карты на этой\n"
        "ревизии или дате (по умолчанию: каждую задачу от коммита, который её добавил).",
    "Add, from the file's git history, each task moved from its baseline (days slipped, times moved) and the totals per lead department and per section.":
        "Добавить из git-истории файла каждую задачу, сдвинутую относительно базового плана (дни сдвига,\n"
        "число переносов), и итоги по ответственным управлениям и разделам.",
    "Add from the file's git history: to the brief, the tasks slipped from their baseline, each department's on-time record and the burn-up; to the execution report, each deadline move with its basis, a move made with no record said so.":
        "Добавить из git-истории файла: в справку — задачи, сдвинутые относительно базового плана,\n"
        "соблюдение сроков каждым исполнителем и график «запланировано и исполнено»; в отчёт об исполнении —\n"
        "каждый перенос срока с его основанием, а перенос без оформленного решения — как таковой.",
    "Instead: each department's record of keeping its deadlines, month by month, against the deadline in force when each fell due and against the baseline (--until: the day judged).":
        "Вместо этого: исполнение сроков каждым исполнителем по месяцам, относительно срока, действовавшего\n"
        "на момент наступления, и относительно базового плана (--until: день оценки).",
    "A reminder for each department: what is overdue (worst first), what falls due within the\n"
    "window, its duties' reports coming due and what is at risk, in the department's own language.\n\n"
    "Judged by the rules of `roadmap status`. Printed, written one file per department, or sent as\n"
    "e-mail through --smtp; a department with nothing to be reminded of gets none.":
        "Напоминание каждому управлению: что просрочено (худшее первым), у чего срок наступает в\n"
        "ближайшее время, какие отчёты по периодическим поручениям пора сдавать и что под риском, на языке управления.\n\n"
        "По правилам `roadmap status`. Выводится на экран, записывается по файлу на управление или\n"
        "отправляется почтой через --smtp; управлению, которому не о чем напоминать, напоминание не составляется.",
    "Remind of deadlines within N calendar days or N working days (5wd).":
        "Напоминать о сроках в ближайшие N календарных или N рабочих дней (5wd).",
    "text, markdown, html, eml (an e-mail message per department) or json. Default: text, or eml with --smtp.":
        "text, markdown, html, eml (письмо на каждое управление) или json. По умолчанию: text, с --smtp — eml.",
    "Write one file per department into this directory (DEPARTMENT.txt, .md, .html, .eml or .json). Default: "
    "standard output.":
        "Записать по файлу на управление в эту папку (УПРАВЛЕНИЕ.txt, .md, .html, .eml или .json). "
        "По умолчанию: стандартный вывод.",
    "Who the e-mails are from (roadmap@akimat.kz, or Akimat <roadmap@akimat.kz>). Default: $ROADMAP_MAIL_FROM.":
        "От кого письма (roadmap@akimat.kz или Akimat <roadmap@akimat.kz>). По умолчанию: $ROADMAP_MAIL_FROM.",
    "Send the e-mails through this mail server: STARTTLS when it offers it, and the login from "
    "$ROADMAP_SMTP_USER and $ROADMAP_SMTP_PASSWORD when set (never from the roadmap).":
        "Отправить письма через этот почтовый сервер: STARTTLS, если сервер его предлагает, и вход по "
        "$ROADMAP_SMTP_USER и $ROADMAP_SMTP_PASSWORD, если они заданы (никогда не из дорожной карты).",
    "Write a reminder for a department with nothing to remind it of, too (it says so).":
        "Составить напоминание и управлению, которому не о чем напоминать (оно так и скажет).",
    "The deadlines as an iCalendar feed (.ics) for Outlook, Thunderbird or a phone: an all-day event\n"
    "per deadline and per period of a duty (a year ahead), re-imported as updates, not duplicates.":
        "Сроки как календарь iCalendar (.ics) для Outlook, Thunderbird или телефона: событие на весь день\n"
        "на каждый срок и каждый период поручения (на год вперёд); повторный импорт обновляет, а не дублирует.",
    "The .ics file to write (replaced whole, never half-written), or - for standard output.":
        "Файл .ics для записи (заменяется целиком, никогда не наполовину) или - для стандартного вывода.",
    "Remind N working days before each open deadline, at 09:00 in the roadmap's time zone.":
        "Напоминать за N рабочих дней до каждого открытого срока, в 09:00 по часовому поясу дорожной карты.",
}  # fmt: skip

# Kazakh: the words of the akimat's documents (орындаушы, мерзім, есепті кезең, мерзімді ауыстыру).
_KK: Mapping[str, str] = {
    "Keep a roadmap's deadlines: validate it, see who is late with what, fail CI on missed deadlines.":
        "Жол картасының мерзімдерін бақылау: файлды тексеру, кім неден кешігіп жатыр, мерзім бұзылса CI тоқтайды.",
    "Show a traceback for internal errors.": "Ішкі қателерде трассировканы көрсету.",
    "Print the version and exit.": "Нұсқаны көрсетіп, шығу.",
    "Check roadmap files: every problem as PATH:LINE:COLUMN: message. Exit 3 when any is invalid.":
        "Жол картасы файлдарын тексеру: әр қате ФАЙЛ:ЖОЛ:БАҒАН: хабар түрінде. "
        "Кемінде бір файл қате болса, шығу коды 3.",
    "Roadmap files (several, for a pre-commit hook), or directories of them. Default: the roadmap found as "
    "for the other commands.":
        "Жол картасы файлдары (бірнешеуі — pre-commit хугы үшін) немесе олар бар қалталар. Әдепкі: "
        "басқа командалардағыдай табылған жол картасы.",
    "Roadmap files, or directories of them (their *.yaml and *.yml files). Several give a summary per "
    "roadmap and per department across them. Default: $ROADMAP_FILE, else roadmap.yaml, roadmap.yml, "
    "data/roadmap.yaml or data/roadmap.yml in this directory or a parent, up to the repository root.":
        "Жол картасы файлдары немесе олар бар қалталар (ондағы *.yaml және *.yml файлдары). Бірнешеуі "
        "үшін — әр жол картасы және барлық карталар бойынша әр басқарма жиынтығы. Әдепкі: "
        "$ROADMAP_FILE, әйтпесе осы қалтадағы немесе жоғарыдағы, репозиторий түбіріне дейінгі "
        "roadmap.yaml, roadmap.yml, data/roadmap.yaml немесе data/roadmap.yml.",
    "table (default), json, markdown, github (default when GITHUB_ACTIONS=true) or junit.":
        "table (әдепкі), json, markdown, github (GITHUB_ACTIONS=true кезде әдепкі) немесе junit.",
    "List every row (the table and Markdown show the worst 20 of each list).":
        "Барлық жолды көрсету (кесте мен Markdown әр тізімнің ең нашар 20 жолын көрсетеді).",
    "The language of the report. Default: $ROADMAP_LANG, else the roadmap's language, else en.":
        "Есептің тілі. Әдепкі: $ROADMAP_LANG, әйтпесе жол картасының тілі, әйтпесе en.",
    "Print the JSON Schema of the roadmap file format, for editors (yaml-language-server) and tools.":
        "Жол картасы пішімінің JSON Schema сызбасын редакторлар (yaml-language-server) мен бағдарламалар "
        "үшін шығару.",
    "Per-department progress, overdue tasks (worst first) and tasks due soon.\n\n"
    "Days left and days late are shown in calendar days and, in brackets, working days.\n"
    "A view for people: it exits 0 whenever it could show the roadmap. `roadmap check` is the gate.":
        "Басқармалар бойынша орындалу барысы, мерзімі өткен іс-шаралар (ең нашарлары бірінші) және "
        "мерзімі жақындағандары.\n\n"
        "Қалған күндер мен кешіккен күндер күнтізбелік күнмен, жақша ішінде жұмыс күнімен көрсетіледі.\n"
        "Бұл адамдарға арналған шолу: жол картасын көрсете алса, шығу коды 0. CI тексерісі — "
        "`roadmap check`.",
    "The roadmap file. Default: $ROADMAP_FILE, else roadmap.yaml, roadmap.yml, data/roadmap.yaml or "
    "data/roadmap.yml in this directory or a parent, up to the repository root.":
        "Жол картасының файлы. Әдепкі: $ROADMAP_FILE, әйтпесе осы қалтадағы не одан жоғарыдағы "
        "(репозиторий түбіріне дейін) roadmap.yaml, roadmap.yml, data/roadmap.yaml немесе data/roadmap.yml.",
    "execution: the official execution report (docx, xlsx); brief: the page for the meeting (html).":
        "execution: орындалу барысы туралы ресми ақпарат (docx, xlsx); brief: кеңеске анықтама (html).",
    "docx (Word), xlsx (Excel) or html (the brief). Default: as the --output file's name ends.":
        "docx (Word), xlsx (Excel) немесе html (анықтама). Әдепкі: --output файлы атауының соңы бойынша.",
    "The file to write (replaced whole, never half-written), or - for standard output.":
        "Жазылатын файл (тұтас ауыстырылады, ешқашан жартылай емес) немесе стандартты шығыс үшін -.",
    "Only this section's items.": "Тек осы бөлімнің іс-шаралары.",
    'For people: the official execution report ("Информация о ходе исполнения") as a Word or Excel\n'
    "file, or the brief for the meeting as a printable page with a timeline.":
        "Адамдар үшін: орындалу барысы туралы ресми ақпарат Word немесе Excel файлы түрінде\n"
        "немесе кеңеске анықтама — орындау кестесі бар басып шығаруға арналған бет.",
    "The roadmap file, or a directory of roadmaps. Default: $ROADMAP_FILE, else roadmap.yaml, "
    "roadmap.yml, data/roadmap.yaml or data/roadmap.yml in this directory or a parent, up to the "
    "repository root.":
        "Жол картасының файлы немесе жол карталары бар қалта. Әдепкі: $ROADMAP_FILE, әйтпесе осы қалтадағы не одан жоғарыдағы "
        "(репозиторий түбіріне дейін) roadmap.yaml, roadmap.yml, data/roadmap.yaml немесе data/roadmap.yml.",
    "The date to judge deadlines on, or an instant with its offset (2026-11-25T20:30:00Z). "
    "Default: today in the roadmap's time zone.":
        "Мерзімдер бағаланатын күн немесе ығысуы бар сәт (2026-11-25T20:30:00Z). "
        "Әдепкі: жол картасының уақыт белдеуіндегі бүгінгі күн.",
    "Only this department's row and the tasks it leads or co-executes.":
        "Тек осы басқарманың жолы және ол жауапты орындаушы не бірлесіп орындаушы болған іс-шаралар.",
    "Deadlines within N calendar days (14) or N working days (10wd) count as due soon.":
        "N күнтізбелік күн (14) немесе N жұмыс күні (10wd) ішіндегі мерзімдер жақындаған деп саналады.",
    "For CI: print each overdue task as PATH:LINE:COLUMN and exit 1 when any deadline was missed.\n\n"
    "A recurring duty is overdue for each period due and not submitted.":
        "CI үшін: мерзімі өткен әр іс-шараны ФАЙЛ:ЖОЛ:БАҒАН түрінде шығару; кез келген мерзім "
        "бұзылса, шығу коды 1.\n\n"
        "Мерзімдік міндет мерзімі жеткен, бірақ есебі тапсырылмаған әр кезең үшін мерзімі өткен болып саналады.",
    "Exit 1 on overdue tasks (default), also on tasks due soon, or never.":
        "Мерзімі өткен іс-шараларда шығу коды 1 (әдепкі), мерзімі жақындағандарда да, немесе ешқашан.",
    "Changes to the roadmap between two git revisions, grouped by department.\n\n"
    "With --check, exit 1 when the change moves a deadline later without a postponement record,\n"
    "edits or removes a postponement record, removes a task that was not cancelled, cancels one\n"
    "without a reason, or marks one done on a date after the change.":
        "Git-тің екі нұсқасы арасындағы жол картасының өзгерістері, басқармалар бойынша.\n\n"
        "--check болса, өзгеріс мерзімді ауыстыру жазбасынсыз кейінге шегерсе, ауыстыру жазбасын "
        "өзгертсе не жойса, бақылаудан алынбаған іс-шараны жойса, іс-шараны негізсіз бақылаудан алса "
        "немесе орындалуын өзгерістен кейінгі күнмен белгілесе, шығу коды 1.",
    "The git revision to compare from (e.g. origin/main).": "Салыстыру басталатын git нұсқасы (мысалы, origin/main).",
    "The revision to compare to. Default: the working tree.": "Салыстырылатын нұсқа. Әдепкі: жұмыс көшірмесі.",
    "Exit 1 when the change breaks the postponement policy.": "Өзгеріс мерзімді ауыстыру тәртібін бұзса, шығу коды 1.",
    "Mark a task done: status done, completed on the date (and the evidence, if given).":
        "Іс-шараны орындалды деп белгілеу: done мәртебесі, орындалған күн (және растау, берілсе).",
    "The id of the task to change.": "Өзгертілетін іс-шараның нөмірі.",
    "The day it was done, submitted or reported on. Default: today in the roadmap's time zone.":
        "Орындалған, тапсырылған немесе есеп берілген күн. Әдепкі: жол картасының уақыт белдеуіндегі бүгінгі күн.",
    "Add a progress note to a task: what was done by a day, and the document that shows it.":
        "Іс-шараның орындалу барысы туралы белгі қосу: күнге дейін не істелді және оны қай құжат растайды.",
    "What was done.": "Не істелді.",
    "The document it cites, with its number and date (a letter).":
        "Растайтын құжат, нөмірі мен күні (хат).",
    "What shows it is done: a document, a protocol.": "Орындалуын не растайды: құжат, хаттама.",
    "The roadmap file to edit. Default: found as for the other commands.":
        "Өзгертілетін жол картасы файлы. Әдепкі: басқа командалардағыдай табылған файл.",
    "Show the change as a diff and write nothing.": "Өзгерісті diff ретінде көрсету және ештеңе жазбау.",
    "Report one period of a recurring duty: a submission record (period, date, evidence) is added.":
        "Мерзімдік міндеттің бір кезеңі бойынша есеп тапсыру: жазба (кезең, күн, растау) қосылады.",
    "The period reported: 2026-W05, 2026-01, 2026-Q1, 2026-H1, 2026.":
        "Есепті кезең: 2026-W05, 2026-01, 2026-Q1, 2026-H1, 2026.",
    "Mark a task in progress (a blocked task's reason is removed).":
        "Іс-шараны орындалуда деп белгілеу (тоқтатылу себебі жойылады).",
    "Mark a task blocked, with the reason.": "Іс-шараны себебін көрсетіп тоқтату.",
    "Why; kept in the file.": "Себебі; файлда сақталады.",
    "Cancel a task, with the reason. A cancelled task no longer counts as late.":
        "Іс-шараны негізін көрсетіп бақылаудан алу. Бақылаудан алынған іс-шара кешіккен болып саналмайды.",
    "Put a done, cancelled or blocked task back in progress (removes completed, evidence and reason).":
        "Орындалған, бақылаудан алынған не тоқтатылған іс-шараны қайта жұмысқа қайтару (орындалған күнді, "
        "растауды және себепті жояды).",
    "Move a deadline later: records the postponement and changes the deadline in one edit.":
        "Мерзімді кейінге ауыстыру: бір түзетумен ауыстыруды жазады және мерзімді өзгертеді.",
    "The new deadline.": "Жаңа мерзім.",
    "The document that allowed it (a protocol, an order).": "Негіз болған құжат (хаттама, өкім).",
    "Add a task at the end of the roadmap; in a terminal, asks for what is missing.":
        "Жол картасының соңына іс-шара қосу; терминалда жетіспейтінін сұрайды.",
    "The new task's id.": "Жаңа іс-шараның нөмірі.",
    "What is to be done.": "Не істелуі керек.",
    "The lead department's id.": "Жауапты басқарманың коды.",
    "The deadline: a date or an official wording.": "Мерзім: күн немесе ресми тұжырым.",
    "A co-executing department (repeat for more).": "Бірлесіп орындаушы басқарма (қайталауға болады).",
    "A task this one waits for (repeat for more).": "Бұл іс-шара күтетін іс-шара (қайталауға болады).",
    "The form of completion.": "Аяқталу нысаны.",
    "Write a small commented roadmap to start from; an existing file is never replaced.":
        "Бастау үшін түсініктемелері бар шағын жол картасын жазу; бар файл ешқашан ауыстырылмайды.",
    "The file to write (default: roadmap.yaml here).": "Жазылатын файл (әдепкі: осы қалтадағы roadmap.yaml).",
    "Put files in the standard layout (2-space indentation, a task's keys in order); content is kept.":
        "Файлдарды стандартты түрге келтіру (2 бос орын шегініс, іс-шара кілттері ретімен); мазмұны сақталады.",
    "Roadmap files. Default: the roadmap found as for the other commands.":
        "Жол картасы файлдары. Әдепкі: басқа командалардағыдай табылған жол картасы.",
    "Write nothing; exit 1 when a file is not in the standard layout.":
        "Ештеңе жазбау; файл стандартты түрде болмаса, шығу коды 1.",
    "Make a roadmap from a plan's table as it arrived (Word, Excel or CSV): its sections, items,\n"
    "executors, deadline wordings and costs; every row it cannot fully read is named and kept for review.":
        "Жоспар кестесінен ол келген күйінде (Word, Excel немесе CSV) жол картасын құру: бөлімдер,\n"
        "тармақтар, орындаушылар, мерзім тұжырымдары және шығыстар; толық оқылмаған әр жол аталып,\n"
        "нақтылау үшін сақталады.",
    "The plan as it arrived: a Word (.docx), Excel (.xlsx) or CSV file with the plan's table.":
        "Жоспар келген күйінде: жоспар кестесі бар Word (.docx), Excel (.xlsx) немесе CSV файлы.",
    "Read the Nth table (from 1). Default: the first with a plan's header.":
        "N-ші кестені оқу (1-ден). Әдепкі: жоспардың тақырып жолы бар біріншісі.",
    "Read the Excel sheet of this name.": "Осы атаулы Excel парағын оқу.",
    "The roadmap file to write (never an existing one), or - for standard output.":
        "Жазылатын жол картасы файлы (ешқашан бар файл емес) немесе стандартты шығыс үшін -.",
    "The plan in Russian, with --kk: one roadmap with every text in both languages.":
        "Орыс тіліндегі жоспар, --kk бірге: барлық мәтіні екі тілдегі бір жол картасы.",
    "The same plan in Kazakh, with --ru.": "Сол жоспар қазақ тілінде, --ru бірге.",
    "A department's reply form (Excel): its items, with columns to fill in with what was done, the\n"
    "document, the day and a new status, for `roadmap import-progress` to take back.":
        "Басқарманың жауап нысаны (Excel): оның тармақтары толтырылатын бағандармен (не істелді, құжат,\n"
        "күн және жаңа мәртебе), оларды `roadmap import-progress` кері қабылдайды.",
    "Take a department's filled-in reply form back into the roadmap: each row's information as a\n"
    "progress note and its new status, all or nothing; a row that no longer matches is refused.":
        "Басқарманың толтырылған жауап нысанын жол картасына қабылдау: әр жолдың ақпараты орындалу\n"
        "белгісі ретінде және жаңа мәртебесі, бәрі немесе ештеңе; сәйкес келмейтін жол қабылданбайды.",
    "The department whose form it is: its id or its name.": "Нысан кімдікі: басқарманың идентификаторы немесе атауы.",
    "xlsx (Excel), the one form there is.": "xlsx (Excel), нысанның жалғыз пішімі.",
    "The department's filled-in reply form (.xlsx).": "Басқарма толтырған жауап нысаны (.xlsx).",
    "Add the plan's new items to this roadmap (every other byte kept) instead of writing one.":
        "Жоспардың жаңа тармақтарын жаңасын жазудың орнына осы жол картасына қосу (қалған байттар сақталады).",
    "The roadmap as it stood then, from git: the last commit on or before DATE (in the roadmap's time zone), judged on DATE; or a revision, judged on its day.":
        "Жол картасы сол кездегідей, git-тен: DATE күні немесе одан бұрынғы соңғы коммит (жол\n"
        "картасының уақыт белдеуінде), DATE күніне бағалау; немесе ревизия, өз күніне бағалау.",
    "Who changed which deadline, status, lead or title, when, and on what basis, over the roadmap\n"
    "file's git history (the main line, renames followed); a deadline moved without a record is marked.":
        "Жол картасы файлының git тарихы бойынша мерзімдерді, мәртебелерді, жауаптыларды және атауларды кім,\n"
        "қашан және қандай негізде өзгерткені (негізгі желі, атау өзгерістерімен); жазбасыз ауыстыру белгіленеді.",
    "Only these tasks' changes.": "Тек осы тапсырмалардың өзгерістері.",
    "The roadmap file (default: found as for every command).": "Жол картасы файлы (әдепкі: барлық командалардағыдай табылған).",
    "Only changes committed on or after DATE (roadmap's zone).": "Тек DATE күнінен бастап коммиттелген өзгерістер (жол картасының белдеуінде).",
    "Only changes committed on or before DATE (roadmap's zone).": "Тек DATE күніне дейін коммиттелген өзгерістер (жол картасының белдеуінде).",
    "Instead: each task's deadline against its baseline, and the days slipped.":
        "Оның орнына: әр тапсырманың мерзімі базалық жоспарға қатысты және жылжыған күндер.",
    "With --history (status), --slippage or --on-time (history): measure from the roadmap at this revision or date (default: each task from the commit that added it).":
        "--history (status), --slippage немесе --on-time (history) бірге: осы ревизиядағы немесе күндегі\n"
        "жол картасынан есептеу (әдепкі: әр тапсырманы оны қосқан коммиттен).",
    "Add, from the file's git history, each task moved from its baseline (days slipped, times moved) and the totals per lead department and per section.":
        "Файлдың git тарихынан базалық жоспардан жылжыған әр тапсырманы (жылжу күндері, ауыстыру саны)\n"
        "және жауапты басқармалар мен бөлімдер бойынша қорытындыларды қосу.",
    "Add from the file's git history: to the brief, the tasks slipped from their baseline, each department's on-time record and the burn-up; to the execution report, each deadline move with its basis, a move made with no record said so.":
        "Файлдың git тарихынан қосу: анықтамаға — базалық жоспардан жылжыған тапсырмалар, әр орындаушының\n"
        "мерзімдерді сақтауы және «жоспарланған мен орындалған» кестесі; орындалу есебіне — әр мерзім\n"
        "ауыстыруы негізімен, ал шешімсіз ауыстыру — солай деп.",
    "Instead: each department's record of keeping its deadlines, month by month, against the deadline in force when each fell due and against the baseline (--until: the day judged).":
        "Оның орнына: әр орындаушының мерзімдерді сақтауы ай сайын, мерзім келген кездегі қолданыстағы\n"
        "мерзімге және базалық жоспарға қатысты (--until: бағаланатын күн).",
    "A reminder for each department: what is overdue (worst first), what falls due within the\n"
    "window, its duties' reports coming due and what is at risk, in the department's own language.\n\n"
    "Judged by the rules of `roadmap status`. Printed, written one file per department, or sent as\n"
    "e-mail through --smtp; a department with nothing to be reminded of gets none.":
        "Әр басқармаға еске салу: мерзімі өткені (ең нашары бірінші), мерзімі жақын қалғаны,\n"
        "тапсыратын мерзімді есептері және қауіп төнгені, басқарманың өз тілінде.\n\n"
        "`roadmap status` ережелерімен. Экранға шығарылады, әр басқармаға бір файл жазылады немесе\n"
        "--smtp арқылы поштамен жіберіледі; еске салатын ештеңесі жоқ басқармаға хабар жасалмайды.",
    "Remind of deadlines within N calendar days or N working days (5wd).":
        "N күнтізбелік немесе N жұмыс күні ішіндегі мерзімдерді еске салу (5wd).",
    "text, markdown, html, eml (an e-mail message per department) or json. Default: text, or eml with --smtp.":
        "text, markdown, html, eml (әр басқармаға бір хат) немесе json. Әдепкі: text, --smtp болса eml.",
    "Write one file per department into this directory (DEPARTMENT.txt, .md, .html, .eml or .json). Default: "
    "standard output.":
        "Әр басқармаға бір файлды осы қалтаға жазу (БАСҚАРМА.txt, .md, .html, .eml немесе .json). "
        "Әдепкі: стандартты шығыс.",
    "Who the e-mails are from (roadmap@akimat.kz, or Akimat <roadmap@akimat.kz>). Default: $ROADMAP_MAIL_FROM.":
        "Хаттар кімнен (roadmap@akimat.kz немесе Akimat <roadmap@akimat.kz>). Әдепкі: $ROADMAP_MAIL_FROM.",
    "Send the e-mails through this mail server: STARTTLS when it offers it, and the login from "
    "$ROADMAP_SMTP_USER and $ROADMAP_SMTP_PASSWORD when set (never from the roadmap).":
        "Хаттарды осы пошта сервері арқылы жіберу: сервер ұсынса STARTTLS, берілсе $ROADMAP_SMTP_USER "
        "және $ROADMAP_SMTP_PASSWORD арқылы кіру (ешқашан жол картасынан емес).",
    "Write a reminder for a department with nothing to remind it of, too (it says so).":
        "Еске салатын ештеңесі жоқ басқармаға да хабар жазу (ол соны айтады).",
    "The deadlines as an iCalendar feed (.ics) for Outlook, Thunderbird or a phone: an all-day event\n"
    "per deadline and per period of a duty (a year ahead), re-imported as updates, not duplicates.":
        "Мерзімдер Outlook, Thunderbird немесе телефонға арналған iCalendar күнтізбесі (.ics) ретінде: әр\n"
        "мерзімге және тапсырманың әр кезеңіне (бір жыл алға) күні бойғы оқиға; қайта импорттау көшірмелемей жаңартады.",
    "The .ics file to write (replaced whole, never half-written), or - for standard output.":
        "Жазылатын .ics файлы (толығымен ауыстырылады, ешқашан жартылай емес) немесе стандартты шығыс үшін -.",
    "Remind N working days before each open deadline, at 09:00 in the roadmap's time zone.":
        "Әр ашық мерзімге N жұмыс күні қалғанда, жол картасының уақыт белдеуі бойынша 09:00-де еске салу.",
}  # fmt: skip

HELP: Mapping[str, Mapping[str, str]] = {"ru": _RU, "kk": _KK}

# The parser's own words around the help texts, as it writes them in English.
FRAMING: Mapping[str, Mapping[str, str]] = {
    "ru": {
        "Usage: ": "Использование: ",
        "Options": "Параметры",
        "Arguments": "Аргументы",
        "Commands": "Команды",
        "Show this message and exit.": "Показать эту справку и выйти.",
        "default": "по умолчанию",
        "required": "обязательно",
        "[OPTIONS]": "[ПАРАМЕТРЫ]",
        "COMMAND": "КОМАНДА",
        "[ARGS]...": "[АРГУМЕНТЫ]...",
    },
    "kk": {
        "Usage: ": "Қолданылуы: ",
        "Options": "Параметрлер",
        "Arguments": "Аргументтер",
        "Commands": "Командалар",
        "Show this message and exit.": "Осы анықтаманы көрсетіп, шығу.",
        "default": "әдепкі",
        "required": "міндетті",
        "[OPTIONS]": "[ПАРАМЕТРЛЕР]",
        "COMMAND": "КОМАНДА",
        "[ARGS]...": "[АРГУМЕНТТЕР]...",
    },
}


def translated(english: str | None, language: str) -> str | None:
    """The help text in `language`; the English one when there is none (English, or a text the
    table lacks: the test of this table fails then)."""
    if english is None:
        return None
    return HELP.get(language, {}).get(english, english)
