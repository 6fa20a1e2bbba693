"""Runs a snippet in its own Python process with N forced CPU devices (the main test process has one)."""
import json
import os
import pathlib
import subprocess
import sys
import textwrap

ROOT = pathlib.Path(__file__).resolve().parents[2]


def run_with_devices(code, devices=4, env=None, timeout=120):
    """Runs `code`; it reports by calling `report(dict)` (JSON on the last stdout line), which is returned."""
    prelude = textwrap.dedent("""
        import json, sys
        def report(result):
            print(json.dumps(result), flush=True)
    """)
    full_env = dict(os.environ, PYTHONPATH=str(ROOT), KERAX_COMPILATION_CACHE="0", JAX_PLATFORMS="cpu",
                    XLA_FLAGS=f"--xla_force_host_platform_device_count={devices}")
    full_env.update(env or {})
    done = subprocess.run([sys.executable, "-c", prelude + textwrap.dedent(code)], capture_output=True,
                          text=True, env=full_env, timeout=timeout, cwd=str(ROOT))
    if done.returncode != 0:
        raise AssertionError(f"subprocess failed ({done.returncode}):\n{done.stdout}\n{done.stderr[-4000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1]), done.stderr
