"""`make bench`: kerax against Keras 3 and the hand-written JAX floors, every figure taken in this one run.

    python benchmarks/run.py [--quick] [workload ...]

Runs benchmarks/workloads.py on kerax and, when $KERAS_PYTHON names the Python of a virtual environment with
Keras 3 (and JAX; TensorFlow too for the TF rows), on Keras's JAX backend and, if TensorFlow imports there, its
TensorFlow backend; then benchmarks/floors.py. Prints one table of steady epochs with ratios, the latency and
scaling figures, and the whole JSON at the end. Machines here are noisy: compare the ratios, not absolute times.
"""
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
TRAINING = ["seed_mlp", "wide_mlp", "cnn", "gru", "transformer", "lstm_tagger", "resnet"]
EXTRA = ["inference", "latency", "scaling", "widths"]


def run(script, names, impl="kerax", backend="jax", python=sys.executable):
    env = dict(os.environ, KERAS_IMPL=impl, KERAS_BACKEND=backend)
    done = subprocess.run([python, os.path.join(HERE, script), *names], env=env, capture_output=True, text=True)
    if done.returncode != 0:
        print(f"{script} ({impl}, {backend}) failed:\n{done.stderr[-1500:]}", file=sys.stderr)
    rows = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    return [dict(row, impl=f"{impl}-{backend}" if impl == "keras" else row["impl"]) for row in rows]


def keras_backends(python):
    has_tf = subprocess.run([python, "-c", "import tensorflow"], capture_output=True).returncode == 0
    return ["jax", "tensorflow"] if has_tf else ["jax"]


def table(rows):
    by = {(r["workload"], r["impl"]): r for r in rows}
    impls = sorted({r["impl"] for r in rows if "steady_epoch_s" in r and r["impl"] != "kerax"})
    workloads = [w for w in dict.fromkeys(r["workload"] for r in rows) if (w, "kerax") in by]
    print(f"\n{'workload':14} {'kerax steady s':>14} {'first epoch s':>13} {'RSS MB':>7}  " +
          "  ".join(f"{'kerax/' + impl:>18}" for impl in impls))
    for workload in workloads:
        mine = by[(workload, "kerax")]
        if "steady_epoch_s" not in mine:
            continue
        ratios = []
        for impl in impls:
            other = by.get((workload, impl), {}).get("steady_epoch_s")
            ratios.append(f"{mine['steady_epoch_s'] / other:17.2f}x" if other else f"{'-':>18}")
        print(f"{workload:14} {mine['steady_epoch_s']:14.5f} {mine['first_epoch_s']:13.3f} "
              f"{mine.get('peak_rss_mb', 0):7.0f}  " + "  ".join(ratios))
    first = [(w, by[(w, "kerax")], by.get((w, "keras-jax"))) for w in workloads]
    compiled = [f"{w}: {k['first_epoch_s'] / o['first_epoch_s']:.2f}x" for w, k, o in first
                if o and "first_epoch_s" in k and "first_epoch_s" in o]
    if compiled:
        print("first epoch (compile included), kerax / keras-jax: " + ", ".join(compiled))
    for row in rows:
        if row["workload"] in ("latency", "inference") or "gflops" in row:
            print(json.dumps(row))
    latency_ratios(by)
    gemm = by.get(("sgemm", "floor"), {}).get("gflops")
    for row in rows:
        if row["workload"].startswith("wide_mlp_w") and gemm:
            print(f"{row['impl']:10} {row['workload']:14} {row['train_gflops']:7.1f} GFLOP/s = "
                  f"{row['train_gflops'] / gemm:.2f} of the sgemm rate ({gemm} GFLOP/s)")


def latency_ratios(by):
    mine, keras_jax, floor = (by.get(("latency", impl)) for impl in ("kerax", "keras-jax", "floor"))
    if mine is None:
        return
    for call in ("model_call_ms", "predict_on_batch_ms", "predict_ms"):
        parts = [f"latency {call[:-3]:16} kerax {mine[call]:.4f} ms"]
        if keras_jax:
            parts.append(f"{mine[call] / keras_jax[call]:.2f}x keras-jax")
        if floor:
            parts.append(f"{mine[call] / floor['jitted_forward_ms']:.2f}x the hand-jitted forward")
        print(", ".join(parts))


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    quick = "--quick" in sys.argv
    names = args or (["seed_mlp", "wide_mlp", "cnn", "gru", "latency"] if quick else TRAINING + EXTRA)
    rows = run("workloads.py", names)
    keras_python = os.environ.get("KERAS_PYTHON")
    if keras_python:
        for backend in keras_backends(keras_python):
            rows += run("workloads.py", names, impl="keras", backend=backend, python=keras_python)
    floors = [n for n in names if n in ("seed_mlp", "wide_mlp", "latency")]
    floors += ["sgemm"] if "widths" in names else []
    if floors:
        rows += run("floors.py", floors)
    table(rows)
    print(json.dumps({"runs": rows}))


if __name__ == "__main__":
    main()
