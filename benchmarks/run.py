"""Runs the shared training workloads on kerax and the hand-written JAX floors in one go and prints ratios.

    python benchmarks/run.py [seed_mlp wide_mlp cnn gru]

Workloads come from $KERAX_BENCH_DIR (default: ../shared/bench beside this repository). With $KERAS_PYTHON set to
the Python of a virtual environment that has Keras 3 and JAX, the same workloads also run on Keras (JAX backend)
and the ratios include `keras`. Every figure is taken in this one run on this machine: compare the ratios, not
absolute times across runs.
"""
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
BENCH_DIR = os.environ.get("KERAX_BENCH_DIR", os.path.join(HERE, "..", "..", "shared", "bench"))


def run(script, args, impl=None, python=sys.executable):
    env = dict(os.environ)
    if impl:
        env["KERAS_IMPL"] = impl
        env["KERAS_BACKEND"] = "jax"
    done = subprocess.run([python, os.path.join(BENCH_DIR, script), *args], env=env,
                          capture_output=True, text=True)
    if done.returncode != 0:
        print(f"{script} failed:\n{done.stderr[-2000:]}", file=sys.stderr)
        return []
    return [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]


def main():
    workloads = sys.argv[1:] or ["seed_mlp", "wide_mlp"]
    rows = run("workloads.py", workloads, impl="kerax")
    if os.environ.get("KERAS_PYTHON"):
        rows += run("workloads.py", workloads, impl="keras", python=os.environ["KERAS_PYTHON"])
    floors = {}  # (workload, implementation) -> steady epoch seconds
    for row in rows:
        if row["impl"] == "keras":
            floors[(row["workload"], "keras")] = row["steady_epoch_s"]
    mlp_workloads = [w for w in workloads if w in ("seed_mlp", "wide_mlp")]
    if mlp_workloads:
        for row in run("floor.py", mlp_workloads) + run("purejax.py", []):
            impl = row["impl"] if "scan" not in row else f"purejax_{'scan' if row['scan'] else 'step'}"
            floors[(row["workload"], impl)] = row["steady_epoch_s"]
    print(f"{'workload':10} {'impl':6} {'first epoch s':>13} {'steady epoch s':>15} {'fit total s':>12}  "
          "kerax steady / other steady")
    for row in rows:
        name = row["workload"]
        ratios = "" if row["impl"] != "kerax" else "  ".join(
            f"{impl}: {row['steady_epoch_s'] / t:.2f}x" for (w, impl), t in sorted(floors.items()) if w == name and t
        )
        print(f"{name:10} {row['impl']:6} {row['first_epoch_s']:13.4f} {row['steady_epoch_s']:15.5f} "
              f"{row['total_fit_s']:12.3f}  {ratios}")
    print(json.dumps({"runs": rows, "floors": {f"{w}/{i}": t for (w, i), t in floors.items()}}))


if __name__ == "__main__":
    main()
