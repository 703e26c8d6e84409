"""Preloaded by test_dask.py into one `dask worker` (--preload): the first partition this worker
runs announces itself by creating the file named by $VNPLAN_TEST_STALL_MARKER and then never
returns, so that the test kills the worker while it holds a task, and Dask must run the task
again elsewhere."""
import os
import threading

import vnplan


def dask_setup(worker):
    marker = os.environ["VNPLAN_TEST_STALL_MARKER"]

    def stall(*args, **kwargs):
        with open(marker, "w") as f:
            f.write(str(os.getpid()))
        threading.Event().wait()

    vnplan.extract_to = stall
