import atexit
import os
import shutil
import sys
import tempfile
from pathlib import Path

# compiled patterns (pressconv._regex_cache) go to a folder of this run, not to ~/.cache;
# the CLI tests' subprocesses inherit it
if "PRESSCONV_CACHE_DIR" not in os.environ:
    os.environ["PRESSCONV_CACHE_DIR"] = tempfile.mkdtemp(prefix="pressconv-cache-")
    atexit.register(shutil.rmtree, os.environ["PRESSCONV_CACHE_DIR"], True)

# the shared test helpers (sample_documents, peer) live beside the tests
sys.path.insert(0, str(Path(__file__).resolve().parent))

from hypothesis import HealthCheck, settings

# CI: few examples and no deadline (2 shared cores); locally the default, more with --hypothesis-profile=long
settings.register_profile("ci", max_examples=60, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("long", max_examples=2000, deadline=None)


def pytest_terminal_summary(terminalreporter):
    """The hostile-input table: each case with its outcome per format."""
    module = sys.modules.get("test_hostile_inputs")
    outcomes = getattr(module, "OUTCOMES", None)
    if not outcomes:
        return
    write = terminalreporter.write_line
    write("")
    write("hostile inputs: outcome per case and format")
    for (case, fmt), outcome in sorted(outcomes.items()):
        write("  %-28s %-9s %s" % (case, fmt, outcome[:110]))
