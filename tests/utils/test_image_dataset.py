import os
import threading
import time

import numpy as np
import pytest
from PIL import Image

import kerax
from kerax import layers, preprocessing, utils
from kerax.utils import image_utils


def make_folder(root, counts, size=(6, 5), seed=0):
    """Class folders of small RGB PNGs; pixel (0, 0) encodes (sorted class index, image index)."""
    rng = np.random.default_rng(seed)
    for name, count in counts.items():
        c = sorted(counts).index(name)
        os.makedirs(root / name, exist_ok=True)
        for i in range(count):
            pixels = rng.integers(0, 256, size + (3,), dtype=np.uint8)
            pixels[0, 0] = (c, i, 7)
            Image.fromarray(pixels).save(root / name / f"img_{i:02d}.png")
    return root


def test_inferred_labels_follow_sorted_class_folders_and_pixels_are_exact(tmp_path):
    make_folder(tmp_path, {"cat": 3, "ant": 2, "bee": 4})
    (tmp_path / "bee" / "notes.txt").write_text("not an image")
    ds = utils.image_dataset_from_directory(tmp_path, batch_size=None, image_size=(6, 5), shuffle=False,
                                            verbose=False)
    assert ds.class_names == ["ant", "bee", "cat"]
    expected_paths = [str(tmp_path / c / f"img_{i:02d}.png") for c, n in (("ant", 2), ("bee", 4), ("cat", 3))
                      for i in range(n)]
    assert ds.file_paths == expected_paths
    seen = [(np.asarray(x), int(y)) for x, y in ds]
    assert [y for _, y in seen] == [0, 0, 1, 1, 1, 1, 2, 2, 2]
    for (x, y), path in zip(seen, expected_paths):
        assert x.dtype == np.float32 and x.shape == (6, 5, 3)
        np.testing.assert_array_equal(x, np.asarray(Image.open(path), dtype=np.float32))
        assert x[0, 0, 0] == y  # the class index written into the pixel


def test_seeded_shuffle_and_validation_split_match_keras_rules(tmp_path):
    make_folder(tmp_path, {"a": 5, "b": 5})
    ordered = [str(tmp_path / c / f"img_{i:02d}.png") for c in "ab" for i in range(5)]
    shuffled = list(ordered)
    np.random.RandomState(42).shuffle(shuffled)  # Keras: one seeded permutation of the sorted list
    train, val = utils.image_dataset_from_directory(
        tmp_path, image_size=(6, 5), seed=42, validation_split=0.3, subset="both", batch_size=4, verbose=False
    )
    assert train.file_paths == shuffled[:7] and val.file_paths == shuffled[7:]
    assert int(train.cardinality()) == 2 and int(val.cardinality()) == 1
    only_val = utils.image_dataset_from_directory(
        tmp_path, image_size=(6, 5), seed=42, validation_split=0.3, subset="validation", verbose=False
    )
    assert only_val.file_paths == shuffled[7:]
    # Each epoch of the training set holds exactly its 7 files (in a reshuffled order).
    firsts = sorted((int(x[0, 0, 0]), int(x[0, 0, 1])) for xb, _ in train for x in np.asarray(xb))
    assert firsts == sorted(("ab".index(os.path.basename(os.path.dirname(p))), int(p[-6:-4]))
                            for p in shuffled[:7])
    # The validation set is not shuffled: its batches follow file_paths.
    (xb, yb), = list(val)
    assert [int(v) for v in yb] == ["ab".index(os.path.basename(os.path.dirname(p))) for p in shuffled[7:]]


def test_label_modes_color_modes_and_resizing(tmp_path):
    make_folder(tmp_path, {"no": 2, "yes": 2}, size=(4, 4))
    ds = utils.image_dataset_from_directory(tmp_path, label_mode="categorical", color_mode="rgba",
                                            image_size=(8, 2), batch_size=4, shuffle=False, verbose=False)
    x, y = next(iter(ds))
    assert x.shape == (4, 8, 2, 4) and y.dtype == np.float32
    np.testing.assert_array_equal(y, np.eye(2, dtype=np.float32)[[0, 0, 1, 1]])
    np.testing.assert_array_equal(x[..., 3], 255.0)  # opaque alpha added by the RGBA conversion
    x, y = next(iter(utils.image_dataset_from_directory(
        tmp_path, label_mode="binary", color_mode="grayscale", image_size=4, shuffle=False, verbose=False
    )))
    assert x.shape == (4, 4, 4, 1) and y.shape == (4, 1) and y.dtype == np.float32
    assert y[:, 0].tolist() == [0.0, 0.0, 1.0, 1.0]
    images = utils.image_dataset_from_directory(tmp_path, labels=None, image_size=(3, 3), verbose=False)
    assert images.class_names is None and next(iter(images)).shape == (4, 3, 3, 3)


def test_explicit_labels_class_names_and_errors(tmp_path):
    make_folder(tmp_path, {"a": 2, "b": 1})
    ds = utils.image_dataset_from_directory(tmp_path, labels=[3, 1, 3], shuffle=False, image_size=(2, 2),
                                            verbose=False)
    assert ds.class_names == ["1", "3"] and [int(v) for v in next(iter(ds))[1]] == [3, 1, 3]
    ds = utils.image_dataset_from_directory(tmp_path, class_names=["b", "a"], shuffle=False,
                                            image_size=(2, 2), verbose=False)
    assert [int(v) for v in next(iter(ds))[1]] == [0, 1, 1]  # the order given wins
    with pytest.raises(ValueError, match="Expected the lengths of `labels` to match"):
        utils.image_dataset_from_directory(tmp_path, labels=[0, 1], verbose=False)
    with pytest.raises(ValueError, match="did not match the names of the subdirectories"):
        utils.image_dataset_from_directory(tmp_path, class_names=["a", "zebra"], verbose=False)
    with pytest.raises(ValueError, match='`subset` must be either "training", "validation" or "both"'):
        utils.image_dataset_from_directory(tmp_path, validation_split=0.5, subset="test", seed=1)
    with pytest.raises(ValueError, match="you must provide a `seed` argument"):
        utils.image_dataset_from_directory(tmp_path, validation_split=0.5, subset="training")
    with pytest.raises(ValueError, match="there must be exactly 2 class_names"):
        make_folder(tmp_path, {"c": 1})
        utils.image_dataset_from_directory(tmp_path, label_mode="binary", verbose=False)
    empty = tmp_path / "empty"
    (empty / "x").mkdir(parents=True)
    with pytest.raises(ValueError, match=r"No images found in directory .*Allowed formats"):
        utils.image_dataset_from_directory(empty, verbose=False)
    with pytest.raises(ValueError, match="`color_mode` must be one of"):
        utils.image_dataset_from_directory(tmp_path, color_mode="cmyk")


def test_preprocessing_namespace_and_fit_on_a_folder(tmp_path):
    assert preprocessing.image_dataset_from_directory is utils.image_dataset_from_directory
    make_folder(tmp_path, {"a": 6, "b": 6}, size=(8, 8))
    ds = preprocessing.image_dataset_from_directory(tmp_path, image_size=(8, 8), batch_size=4, seed=3,
                                                    verbose=False)
    model = kerax.Sequential([
        layers.Input((8, 8, 3)), layers.Rescaling(1 / 255), layers.Flatten(), layers.Dense(2),
    ])
    model.compile("adam", kerax.losses.SparseCategoricalCrossentropy(from_logits=True))
    history = model.fit(ds, epochs=2, verbose=0)
    assert len(history.history["loss"]) == 2 and np.isfinite(history.history["loss"]).all()


def test_files_are_read_lazily_in_worker_threads(tmp_path, monkeypatch):
    make_folder(tmp_path, {"a": 100, "b": 100})
    reads = []
    real_open = image_utils.open_image

    def counting_open(path):
        reads.append(threading.current_thread())
        return real_open(path)

    monkeypatch.setattr(image_utils, "open_image", counting_open)
    ds = utils.image_dataset_from_directory(tmp_path, image_size=(6, 5), batch_size=4, seed=0, verbose=False)
    assert reads == []  # listing the folder reads no image
    it = iter(ds)
    next(it)
    time.sleep(0.3)
    # A bounded read-ahead, not the folder: the batch taken, two queued and one being built (4 images each),
    # and the map's window of 4 images per worker thread (one per CPU).
    assert 4 <= len(reads) <= 4 * 4 + 4 * os.cpu_count()
    assert threading.main_thread() not in reads
    assert sum(len(x) for x, _ in it) == 196
