"""Requests (or service calls) at the same moment, each on its own database connection.

Django gives every thread its own connection, so N threads are N sessions of PostgreSQL: what one of them
locks or writes, the others see only as the database lets them. Use with `transactional_db` (the rows a test
makes must be committed for the other connections to see them).
"""

import threading
from collections.abc import Callable

from django.db import connections
from django.test import Client


def parallel(calls: list[Callable], *, timeout: float = 60) -> list:
    """Run each call in its own thread, all released at once; their results (or the exception each raised)
    in the order of `calls`."""
    start = threading.Barrier(len(calls), timeout=timeout)
    results: list = [None] * len(calls)

    def run(index, call):
        try:
            start.wait()
            results[index] = call()
        except BaseException as error:  # noqa: BLE001 - the test looks at what each call did
            results[index] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, call)) for i, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout)
        assert not thread.is_alive(), "a parallel call did not finish"
    return results


def client_for(user=None) -> Client:
    """A client of its own (logged in as `user`), whose server errors come back as 500 responses."""
    client = Client(raise_request_exception=False)
    if user is not None:
        client.force_login(user)
    return client


def parallel_posts(user, url: str, data: dict | list[dict], *, times: int = 2) -> list:
    """The same form posted `times` times at once, each by its own client logged in as `user` (a
    double-click, or an editor's two tabs); `data` may instead be one dict per request."""
    payloads = data if isinstance(data, list) else [data] * times
    clients = [client_for(user) for _ in payloads]
    return parallel([lambda c=c, d=d: c.post(url, d) for c, d in zip(clients, payloads)])
