"""Writes `regnet_resnet_rs_facts.json` here with real tf.keras 2.21 (not kerax): for each of its 24 RegNet
and 7 ResNetRS applications built with `weights=None` (1000-class top, 224x224 input), the parameter count,
the number of layers and the model name, and for a few models every layer name and the output shape of the
feature extractor (`include_top=False`, 64x64 input). Each model is built after `clear_session()`, so
default layer names start from zero as they do in a fresh kerax test.

It also writes `tiny_regnet_y.weights.h5` and `tiny_resnet_rs.weights.h5` (tf.keras's `save_weights`) of two
tiny configurations of the generic builders, with random batch-norm statistics, and `tiny_outputs.npz`: the
input images and what each model computes from them.

Run it with a Python that has tf_keras (kerax never depends on it):

    /tmp/kvenv/bin/python tests/applications/make_regnet_resnet_rs_facts.py
"""
import json
import os
import sys

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import numpy as np
import tf_keras
from tf_keras.src.applications import regnet, resnet_rs  # the generic builders are not exported

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


# the generic builders' tiny configurations; kerax's test builds the same ones
TINY_REGNET = {"depths": [1, 1, 1, 1], "widths": [8, 16, 16, 32], "group_width": 8, "block_type": "Y",
               "default_size": 32}
TINY_RESNET_RS = {"depth": 50, "block_args": [{"input_filters": 8, "num_repeats": 1}] * 2,
                  "drop_connect_rate": 0.2, "dropout_rate": 0.0}
TINY_COMMON = {"weights": None, "input_shape": (32, 32, 3), "classes": 3, "classifier_activation": None}


def randomize_batch_norms(model, rng):
    for layer in model.layers:
        if isinstance(layer, tf_keras.layers.BatchNormalization):
            gamma, beta, mean, variance = (w.shape for w in layer.get_weights())
            layer.set_weights([rng.uniform(0.5, 1.5, gamma), rng.normal(0, 0.1, beta),
                               rng.normal(0, 0.1, mean), rng.uniform(0.5, 1.5, variance)])


def tiny_models(here):
    rng = np.random.default_rng(0)
    images = rng.uniform(0, 255, (2, 32, 32, 3)).astype("float32")
    outputs = {"images": images}
    for name, build, config in (("tiny_regnet_y", regnet.RegNet, TINY_REGNET),
                                ("tiny_resnet_rs", resnet_rs.ResNetRS, TINY_RESNET_RS)):
        tf_keras.backend.clear_session()
        model = build(**config, **TINY_COMMON)
        randomize_batch_norms(model, rng)
        model.save_weights(os.path.join(here, f"{name}.weights.h5"))
        outputs[name] = model.predict(images, verbose=0)
    np.savez(os.path.join(here, "tiny_outputs.npz"), **outputs)


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
    tiny_models(os.path.dirname(path))


if __name__ == "__main__":
    sys.exit(main())
