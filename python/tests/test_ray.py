"""newsclean.ray against a real Ray (ray.init(num_cpus=2))."""

import os

import pytest

from conftest import HTML

pytest.importorskip("ray")

import newsclean  # noqa: E402
from newsclean._rows import NAMES  # noqa: E402


@pytest.fixture(scope="module")
def ray_session():
    import ray

    os.environ.setdefault("RAY_AUTH_MODE", "disabled")
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, configure_logging=False)
    yield ray
    ray.shutdown()


@pytest.mark.parametrize("batch_format", ["pandas", "numpy"])
def test_map_batches(ray_session, batch_format):
    ray = ray_session
    from newsclean.ray import Cleaner

    items = [{"url": f"https://news.example/{f.name}", "html": f.data} for f in HTML] * 3
    ds = ray.data.from_items(items).map_batches(
        Cleaner,
        fn_constructor_kwargs={"column": "html", "url_column": "url", "facts": False},
        concurrency=2,
        num_cpus=1,
        batch_size=4,
        batch_format=batch_format,
    )
    rows = ds.take_all()
    assert len(rows) == len(items)
    expected = {f"https://news.example/{f.name}": f for f in HTML}
    for r in rows:
        f = expected[r["url"]]
        assert r["text"] == f.expected, f.name
        assert r["error"] is None
        assert bool(r["isArticle"]) == f.expect.get("isArticle", True)
        assert r["html"] == f.data  # the batch's own columns stay
    slim = ray.data.from_items(items[:2]).map_batches(
        Cleaner, fn_constructor_kwargs={"keep_input": False}, concurrency=1, batch_format=batch_format
    )
    assert sorted(slim.columns()) == sorted(["url", *NAMES])


def test_threads_follow_assigned_cpus(ray_session):
    """In a task or actor newsclean uses the CPUs Ray assigned, not every core of the node."""
    ray = ray_session

    @ray.remote
    def threads():
        import newsclean as nc

        return nc.clean_many([]).threads

    assert ray.get(threads.options(num_cpus=1).remote()) == 1
    assert ray.get(threads.options(num_cpus=2).remote()) == 2
    # And the driver itself is not a worker: every core.
    assert newsclean.clean_many([]).threads == len(os.sched_getaffinity(0))
