"""Shared fixtures for the real-browser tests (Debian's /usr/bin/chromium via Playwright).

Generic on purpose: ``browser`` launches Chromium once per session, ``page`` gives a
fresh page that records console errors, ``serve`` runs any Dash/Flask app on a free
port in a thread, and ``seed_events`` / ``hostile_events`` are small hand-made tables
(independent of the extractor, so the tests only test the views).
"""

from __future__ import annotations

import logging
import shutil
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from timeline._chromium import CHROMIUM
from timeline._chromium import HEADLESS_ARGS as CHROMIUM_ARGS


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if Path(str(item.fspath)).is_relative_to(here):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        pytest.skip(f"{CHROMIUM} is absent: apt-get install -y chromium to run browser tests")
    sync_api = pytest.importorskip("playwright.sync_api", reason="pip install playwright")
    with sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


class ConsoleLog(list):
    """Console errors and uncaught page errors seen by a page."""


@pytest.fixture()
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    pg = context.new_page()
    errors = ConsoleLog()
    pg.on(
        "console",
        lambda m: errors.append(f"console.{m.type}: {m.text}") if m.type == "error" else None,
    )
    pg.on("pageerror", lambda e: errors.append(f"pageerror: {e}"))
    pg.console_errors = errors  # type: ignore[attr-defined]
    pg.set_default_timeout(20_000)
    try:
        yield pg
    finally:
        context.close()


@pytest.fixture()
def serve() -> Iterator[Callable[[Any], str]]:
    """``url = serve(flask_app)``: serve a WSGI app on 127.0.0.1 and a free port."""
    from werkzeug.serving import make_server

    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # one line per request is noise
    servers = []

    def start(wsgi_app: Any) -> str:
        srv = make_server("127.0.0.1", 0, wsgi_app, threaded=True)
        threading.Thread(target=srv.serve_forever, daemon=True).start()
        servers.append(srv)
        return f"http://127.0.0.1:{srv.server_port}/"

    yield start
    for srv in servers:
        srv.shutdown()


# ------------------------------------------------------------- test data --

SEED_EVENTS = [
    # (sentence start in the seed, label, start, end, precision, timex, category, actors, places)
    (
        "After the fall of former Syrian President",
        "Assad falls",
        "2024-12-01",
        "2024-12-31",
        "month",
        "in December",
        "politics",
        ["Bashar al-Assad"],
        ["Syria"],
    ),
    (
        "Since then, they have started",
        "White Helmets expand operations",
        "2024-12-01",
        "2025-03-21",
        "vague",
        "Since then",
        "humanitarian",
        ["White Helmets"],
        ["Syria"],
    ),
    (
        "Most of those killed in the recent attacks",
        "Killings of Alawites",
        "2025-03-01",
        "2025-03-10",
        "month",
        "earlier this month",
        "violence",
        [],
        ["coastal Syria"],
    ),
    (
        "Tensions had been brewing since December",
        "Ambush kills 14 interior ministry troops",
        "2024-12-15",
        "2024-12-31",
        "week",
        "two weeks after",
        "violence",
        ["Assad supporters"],
        [],
    ),
    (
        "Last week, BBC News joined",
        "BBC joins White Helmets in Tartous",
        "2025-03-10",
        "2025-03-16",
        "week",
        "Last week",
        "reporting",
        ["BBC News", "White Helmets"],
        ["Tartous"],
    ),
    (
        "The team retrieved 10 bodies",
        "10 bodies retrieved near Barmada",
        "2025-03-10",
        "2025-03-16",
        "week",
        None,
        "humanitarian",
        ["White Helmets"],
        ["Barmada"],
    ),
]


def seed_article() -> Any:
    from timeline.io import load_article, seed_article_path

    return load_article(seed_article_path())


def seed_events_table(article: Any) -> pd.DataFrame:
    """Six events of the seed by hand, with their sentences' real offsets."""
    from timeline.schema import validate_events

    rows = []
    for i, (head, label, start, end, prec, timex, cat, actors, places) in enumerate(SEED_EVENTS):
        s = article.text.index(head)
        e = article.text.index("\n", s)
        rows.append(
            dict(
                event_id=f"seed:{s}-{e}",
                label=label,
                start=start,
                end=end,
                precision=prec,
                timex=timex,
                category=cat,
                actors=actors,
                places=places,
                sentence=article.text[s:e],
                char_start=s,
                char_end=e,
                doc_id=article.doc_id,
                source="BBC News",
                confidence=0.9 - 0.1 * (i % 3),
                relation="after +P2W" if i == 3 else None,
                anchor_event=f"seed:{article.text.index(SEED_EVENTS[0][0])}-"
                f"{article.text.index(chr(10), article.text.index(SEED_EVENTS[0][0]))}"
                if i == 3
                else None,
            )
        )
    return validate_events(pd.DataFrame(rows))


HOSTILE_LABEL = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">'


def hostile_events_table() -> pd.DataFrame:
    """Events whose text is markup that must stay text."""
    from timeline.schema import validate_events

    return validate_events(
        pd.DataFrame(
            [
                dict(
                    event_id="h1",
                    label=HOSTILE_LABEL,
                    start="2025-01-05",
                    end="2025-01-05",
                    sentence='He said <b>bold</b> <a href="javascript:window.__pwned=3">x</a>',
                    category="other",
                    actors=["<i>anon</i>"],
                    places=[],
                    precision="day",
                ),
                dict(
                    event_id="h2",
                    label="</title><script>window.__pwned=4</script>",
                    start="2025-01-01",
                    end="2025-01-31",
                    sentence="plain",
                    category="politics",
                    precision="month",
                ),
            ]
        )
    )


@pytest.fixture()
def seed_data() -> tuple[pd.DataFrame, Any]:
    art = seed_article()
    return seed_events_table(art), art


@pytest.fixture()
def hostile_events() -> pd.DataFrame:
    return hostile_events_table()
