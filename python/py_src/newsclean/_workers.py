"""How many threads ``clean_many`` uses when it is not told: what this worker was given."""

import os
import sys
from typing import Optional


def _ray_cpus() -> Optional[int]:
    """The CPUs Ray assigned to this task or actor, inside a Ray worker process."""
    ray = sys.modules.get("ray")
    if ray is None:
        return None
    try:
        if not ray.is_initialized():
            return None
        ctx = ray.get_runtime_context()
        if ctx.worker.mode != ray.WORKER_MODE:
            return None
        cpus = ctx.get_assigned_resources().get("CPU")
    except Exception:
        return None
    return max(1, int(cpus)) if cpus else None


def _spark_cpus() -> Optional[int]:
    """``spark.task.cpus`` of the running task, inside a PySpark worker."""
    if "pyspark" not in sys.modules:
        return None
    try:
        from pyspark import TaskContext

        tc = TaskContext.get()
        return max(1, int(tc.cpus())) if tc is not None else None
    except Exception:
        return None


def default_threads() -> Optional[int]:
    """``NEWSCLEAN_THREADS`` when set; else the CPUs a Ray task or actor, or a Spark task, was
    given; else ``None``: every CPU this process may use (affinity and cgroup quota)."""
    env = os.environ.get("NEWSCLEAN_THREADS", "").strip()
    if env:
        try:
            n = int(env)
        except ValueError:
            n = 0
        if n >= 1:
            return n
    return _ray_cpus() or _spark_cpus()
