"""Layer assets in a saved model (Keras 3's `assets/` folder of a `.keras` archive): the files a layer writes
with `save_assets(dir_path)` (e.g. the adapted vocabulary of StringLookup) are stored under
`assets/<the layer's weights path>/` and given back to `load_assets(dir_path)` when the model is rebuilt,
before its weights are loaded. A layer with assets also stands for the layers nested in it."""
import os
import tempfile

from kerax.saving import file_checks, weights_store

PREFIX = "assets/"


def _owners(model):
    """[(path, layer)] of the layers that save assets, outermost ones only."""
    found = []
    for path, obj in weights_store.state_entries(model, include_optimizer=False):
        if hasattr(obj, "save_assets") and not any(path.startswith(owner + "/") for owner, _ in found):
            found.append((path, obj))
    return found


def asset_files(model):
    """{archive name: bytes} of every asset file of `model`."""
    files = {}
    for path, layer in _owners(model):
        with tempfile.TemporaryDirectory() as tmp:
            layer.save_assets(tmp)
            for root, _, names in os.walk(tmp):
                for name in names:
                    relative = os.path.relpath(os.path.join(root, name), tmp).replace(os.sep, "/")
                    with open(os.path.join(root, name), "rb") as f:
                        files[f"{PREFIX}{path}/{relative}"] = f.read()
    return files


def load_assets(model, names, read):
    """Gives each layer with assets the files stored for it; `names` lists the saved files, `read(name, limit)` reads
    one."""
    for path, layer in _owners(model):
        prefix = f"{PREFIX}{path}/"
        mine = [name for name in names if name.startswith(prefix)]
        if not mine or not hasattr(layer, "load_assets"):
            continue
        with tempfile.TemporaryDirectory() as tmp:
            for name in mine:
                target = os.path.join(tmp, *name[len(prefix):].split("/"))
                os.makedirs(os.path.dirname(target), exist_ok=True)
                with open(target, "wb") as f:
                    f.write(read(name, file_checks.ASSET_MEMBER_LIMIT))
            layer.load_assets(tmp)
