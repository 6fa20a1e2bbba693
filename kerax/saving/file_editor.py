"""KerasFileEditor (Keras 3): inspect and edit the weights of a `.keras` or `.weights.h5` file, e.g. to adapt
an old file to a changed architecture, and save them as a new `.weights.h5` file."""
import io
import json

import numpy as np

from kerax.saving import file_checks, keras_archive
from kerax.saving import file_editor_tree as trees
from kerax.saving.atomic_write import atomic_file

# Even a large model's weights file: refused beyond this before anything is inflated.
_WEIGHTS_LIMIT = 2 ** 36


class KerasFileEditor:
    """Opens `filepath` (`.keras` or `.weights.h5`); `weights_dict` holds its arrays by object path
    ({"layers": {"dense": {"0": kernel, "1": bias}}}). Objects are named by their path ("layers/dense") or,
    when unique in the file, by their last part ("dense")."""

    def __init__(self, filepath):
        import h5py

        self.filepath = str(filepath)
        self.config = self.metadata = None
        if self.filepath.endswith(".keras"):
            with file_checks.open_zip(self.filepath) as archive:
                read = keras_archive._reader(archive, self.filepath)
                self.config = json.loads(read(keras_archive.CONFIG_FILE, file_checks.JSON_MEMBER_LIMIT))
                self.metadata = json.loads(read(keras_archive.METADATA_FILE, file_checks.JSON_MEMBER_LIMIT))
                data = read(keras_archive.WEIGHTS_FILE, _WEIGHTS_LIMIT)
            with h5py.File(io.BytesIO(data), "r") as f:
                self.weights_dict, self.object_metadata = trees.read_groups(f)
        elif self.filepath.endswith(".weights.h5"):
            with file_checks.open_hdf5(self.filepath) as f:
                self.weights_dict, self.object_metadata = trees.read_groups(f)
        else:
            raise ValueError("Invalid filename: expected a `.keras` `.weights.h5` extension. "
                             f"Received: filepath={self.filepath}")
        print(f"Keras model file '{self.filepath}'")
        if self.metadata is not None:
            print(f"Saved with Keras {self.metadata.get('keras_version')} - "
                  f"date: {self.metadata.get('date_saved')}")

    def summary(self):
        """Prints the objects and weights (shape, dtype) of the file."""
        print("Weights structure")
        trees.print_tree(self.weights_dict, self.object_metadata)

    def compare(self, reference_model):
        """Lists the differences between the file and `reference_model`'s weights; returns {"status":
        "success" or "error", "error_count", "match_count"}."""
        print("Running comparison")
        checked = set()
        errors, matches = _compare(self.weights_dict, trees.model_spec(reference_model), "", "saved file",
                                   "reference model", checked)
        errors += _compare(trees.model_spec(reference_model), self.weights_dict, "", "reference model",
                           "saved file", checked)[0]
        print("─────────────────────")
        if errors:
            print(f"Found {errors} error{'s' if errors != 1 else ''}: saved file is not compatible with the "
                  "reference model")
        else:
            print("Comparison successful: saved file is compatible with the reference model")
            print(f"    Found {matches} matching weight{'s' if matches != 1 else ''}")
        return {"status": "error" if errors else "success", "error_count": errors, "match_count": matches}

    # --- edits ----------------------------------------------------------------------------------------------
    def rename_object(self, object_name, new_name):
        """Renames an object (e.g. "dense_2" or "layers/dense_2") to the leaf name `new_name`."""
        if "/" in new_name:
            raise ValueError(f"Argument `target_name` should be a leaf name, not a full path name. Received: "
                             f"target_name='{new_name}'")
        parent, key = self._locate(object_name)
        parent[new_name] = parent.pop(key)

    def delete_object(self, object_name):
        """Removes an object (e.g. a layer) and its weights."""
        parent, key = self._locate(object_name)
        del parent[key]

    def add_object(self, object_path, weights):
        """Adds an object at the full path `object_path` (e.g. "layers/dense_2") with `weights`, a dict
        {"0": kernel, "1": bias, ...}."""
        _check_weights(weights)
        *parents, leaf = object_path.split("/")
        node = self.weights_dict
        for part in parents:
            if part not in node:
                raise ValueError(f"Path '{'/'.join(parents)}' not found in model.")
            node = node[part]
        node[leaf] = {str(k): np.asarray(v) for k, v in weights.items()}

    def delete_weight(self, object_name, weight_name):
        """Removes the weight `weight_name` (e.g. "0") of an object."""
        parent, key = self._locate(object_name)
        if weight_name not in parent[key]:
            raise ValueError(f"Weight {weight_name} not found in object {object_name}. Weights found: "
                             f"{list(parent[key].keys())}")
        del parent[key][weight_name]

    def add_weights(self, object_name, weights):
        """Adds weights ({"2": value, ...}) to an existing object."""
        _check_weights(weights)
        parent, key = self._locate(object_name)
        parent[key].update({str(k): np.asarray(v) for k, v in weights.items()})

    def save(self, filepath):
        """Writes the edited weights as a `.weights.h5` file."""
        import h5py

        filepath = str(filepath)
        if not filepath.endswith(".weights.h5"):
            raise ValueError(f"Invalid `filepath` argument: expected a `.weights.h5` extension. Received: "
                             f"filepath={filepath}")
        with atomic_file(filepath) as tmp, h5py.File(tmp, "w") as f:
            trees.write_groups(f, self.weights_dict, self.object_metadata)

    resave_weights = save

    def _locate(self, name):
        """(parent dict, key) of the object named by a path or by a name unique in the file."""
        if "/" in name:
            *parents, leaf = name.split("/")
            node = self.weights_dict
            for part in parents:
                node = node.get(part) if isinstance(node, dict) else None
                if node is None:
                    break
            if not isinstance(node, dict) or leaf not in node:
                raise ValueError(f"Path '{name}' not found in model.")
            return node, leaf
        found = trees.find_objects(self.weights_dict, name)
        if len(found) > 1:
            raise ValueError(f"Name '{name}' occurs more than once in the model "
                             f"({[p for _, _, p in found]}); try passing a complete path")
        if not found:
            raise ValueError(f"Source name '{name}' does not appear in the model. Use `editor.summary()` to "
                             "list all objects.")
        return found[0][:2]


def _compare(target, reference, path, target_name, reference_name, checked):
    """(errors, matches) of `target` against `reference`, printing each difference once."""
    errors = matches = 0
    for key, expected in reference.items():
        inner = f"{path}/{key}"
        if inner in checked:
            continue
        if key not in target:
            errors += 1
            checked.add(inner)
            kind = "Object" if isinstance(expected, dict) else "Weight"
            print(f"...{kind} {inner} present in {reference_name}, missing from {target_name}")
        elif isinstance(expected, dict):
            sub_errors, sub_matches = _compare(target[key], expected, inner, target_name, reference_name,
                                               checked)
            errors, matches = errors + sub_errors, matches + sub_matches
        elif _shape(target[key]) != _shape(expected):
            errors += 1
            checked.add(inner)
            print(f"...Weight shape mismatch for {inner}\n    In {reference_name}: shape={_shape(expected)}\n"
                  f"    In {target_name}: shape={_shape(target[key])}")
        else:
            matches += 1
    return errors, matches


def _shape(value):
    return value if isinstance(value, tuple) else tuple(np.shape(value))


def _check_weights(weights):
    if not isinstance(weights, dict):
        raise ValueError("Argument `weights` should be a dict where keys are weight names (usually '0', '1', "
                         f"etc.) and values are NumPy arrays. Received: type(weights)={type(weights)}")
