"""Writes `regnet_resnet_rs_facts.json` here with real tf.keras 2.21 (not kerax): for each of its 24 RegNet
and 7 ResNetRS applications built with `weights=None` (1000-class top, 224x224 input), the parameter count,
the number of layers and the model name, and for a few models every layer name and the output shape of the
feature extractor (`include_top=False`, 64x64 input). Each model is built after `clear_session()`, so
default layer names start from zero as they do in a fresh kerax test.

Run it with a Python that has tf_keras (kerax never depends on it):

    /tmp/kvenv/bin/python tests/applications/make_regnet_resnet_rs_facts.py
"""
import json
import os
import sys

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import tf_keras

SIZES = ("002", "004", "006", "008", "016", "032", "040", "064", "080", "120", "160", "320")
NAMES = ([f"RegNetX{s}" for s in SIZES] + [f"RegNetY{s}" for s in SIZES]
         + [f"ResNetRS{d}" for d in (50, 101, 152, 200, 270, 350, 420)])
LAYER_NAMES_OF = ("RegNetX002", "RegNetY002", "ResNetRS50", "ResNetRS200")


def facts(name):
    tf_keras.backend.clear_session()
    model = getattr(tf_keras.applications, name)(weights=None)
    entry = {"params": int(model.count_params()), "layers": len(model.layers), "model_name": model.name}
    if name in LAYER_NAMES_OF:
        entry["layer_names"] = [layer.name for layer in model.layers]
        tf_keras.backend.clear_session()
        features = getattr(tf_keras.applications, name)(weights=None, include_top=False,
                                                        input_shape=(64, 64, 3))
        entry["features_64"] = list(features.output_shape[1:])
    return entry


def main():
    out = {}
    for name in NAMES:
        out[name] = facts(name)
        print(name, out[name]["params"], out[name]["layers"], flush=True)
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "regnet_resnet_rs_facts.json")
    lines = [f" {json.dumps(name)}: {json.dumps(entry)}" for name, entry in out.items()]
    with open(path + ".tmp", "w") as f:  # one model a line
        f.write(f'{{"tf_keras": "{tf_keras.__version__}", "models": {{\n' + ",\n".join(lines) + "\n}}\n")
    os.replace(path + ".tmp", path)


if __name__ == "__main__":
    sys.exit(main())
