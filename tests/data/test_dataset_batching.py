import numpy as np
import pytest

from kerax.data import Dataset, structure

X = np.arange(20, dtype="float32").reshape(10, 2)
Y = np.arange(10) * 10


def test_batch_shapes_values_and_remainder():
    batches = list(Dataset.from_tensor_slices((X, Y)).batch(4))
    assert [b[0].shape for b in batches] == [(4, 2), (4, 2), (2, 2)]
    np.testing.assert_array_equal(np.concatenate([b[0] for b in batches]), X)
    np.testing.assert_array_equal(batches[2][1], Y[8:])


def test_drop_remainder():
    batches = list(Dataset.from_tensor_slices(Y).batch(4, drop_remainder=True))
    assert [b.shape for b in batches] == [(4,), (4,)]
    assert len(Dataset.from_tensor_slices(Y).batch(4, drop_remainder=True)) == 2
    assert len(Dataset.from_tensor_slices(Y).batch(4)) == 3


def test_batch_of_dicts_and_of_generated_elements_stacks_leaves():
    def gen():
        for i in range(5):
            yield {"a": np.full((3,), i), "b": i * 1.5}

    batches = list(Dataset.from_generator(gen).batch(2))
    assert [b["a"].shape for b in batches] == [(2, 3), (2, 3), (1, 3)]
    np.testing.assert_array_equal(batches[1]["b"], np.array([3.0, 4.5], "float32"))


def test_batching_elements_of_different_shapes_names_padded_batch():
    ds = Dataset.from_generator(lambda: (np.zeros(n) for n in (2, 3)))
    with pytest.raises(ValueError, match="different shapes.*padded_batch"):
        list(ds.batch(2))


def test_padded_batch():
    ds = Dataset.from_generator(lambda: (np.arange(1, n + 1) for n in (1, 3, 2)))
    (batch,) = list(ds.padded_batch(3))
    np.testing.assert_array_equal(batch, [[1, 0, 0], [1, 2, 3], [1, 2, 0]])
    (fixed,) = list(ds.padded_batch(3, padded_shapes=(5,), padding_values=-1))
    np.testing.assert_array_equal(fixed[0], [1, -1, -1, -1, -1])
    with pytest.raises(ValueError, match="does not fit"):
        list(ds.padded_batch(3, padded_shapes=(2,)))


def test_unbatch_inverts_batch():
    ds = Dataset.from_tensor_slices((X, Y)).batch(3).unbatch()
    elements = list(ds)
    assert len(elements) == 10 and elements[4][0].shape == (2,)
    np.testing.assert_array_equal(np.stack([e[1] for e in elements]), Y)
    rebatched = list(ds.batch(4))
    assert [b[0].shape[0] for b in rebatched] == [4, 4, 2]
    np.testing.assert_array_equal(rebatched[1][1], Y[4:8])


def test_repeat_then_batch_crosses_pass_boundaries():
    batches = list(Dataset.from_tensor_slices(Y).repeat(2).batch(4))
    np.testing.assert_array_equal(np.concatenate(batches), np.concatenate([Y, Y]))
    assert [len(b) for b in batches] == [4, 4, 4, 4, 4]


def test_batch_then_repeat_keeps_the_remainder_each_pass():
    batches = list(Dataset.from_tensor_slices(Y).batch(4).repeat(2))
    assert [len(b) for b in batches] == [4, 4, 2, 4, 4, 2]


def test_unshuffled_batches_are_views_of_the_source():
    (batch,) = list(Dataset.from_tensor_slices(X).batch(10))
    assert np.shares_memory(batch, X) and not batch.flags.writeable


@pytest.fixture
def no_per_element_work(monkeypatch):
    def refuse(*args):
        raise AssertionError("took the per-element path")

    monkeypatch.setattr(structure, "split", refuse)
    monkeypatch.setattr(structure, "stack", refuse)


def test_fast_path_for_sliced_shuffled_repeated_zipped_data(no_per_element_work):
    x = np.arange(1000).reshape(500, 2)
    y = np.arange(500)
    pipelines = [
        Dataset.from_tensor_slices((x, y)).batch(64),
        Dataset.from_tensor_slices((x, y)).shuffle(500).batch(64),
        Dataset.from_tensor_slices((x, y)).shuffle(100).repeat(2).batch(64).prefetch(1),
        Dataset.zip((Dataset.from_tensor_slices(x), Dataset.from_tensor_slices(y))).batch(64),
        Dataset.from_tensor_slices({"x": x, "y": y}).skip(10).take(300).enumerate().batch(64),
        Dataset.from_tensor_slices((x, y)).cache().shuffle(1000).batch(64),
    ]
    for ds in pipelines:
        batches = list(ds)
        assert len(batches) == len(ds)


def test_fast_path_batches_equal_the_per_element_result():
    x = np.arange(300).reshape(100, 3)
    fast = list(Dataset.from_tensor_slices(x).skip(3).take(90).repeat(2).batch(7))
    slow = list(Dataset.from_tensor_slices(x).map(lambda v: v).skip(3).take(90).repeat(2).batch(7))
    assert len(fast) == len(slow) == -(-180 // 7)
    for a, b in zip(fast, slow):
        np.testing.assert_array_equal(a, b)


def test_padded_batch_of_dicts_with_per_component_shapes_and_values():
    def gen():
        for n in (1, 2):
            yield {"ids": np.arange(1, n + 1), "label": n}

    ds = Dataset.from_generator(gen)
    (batch,) = list(ds.padded_batch(2, padded_shapes={"ids": (4,), "label": ()},
                                    padding_values={"ids": 9, "label": 0}))
    np.testing.assert_array_equal(batch["ids"], [[1, 9, 9, 9], [1, 2, 9, 9]])
    np.testing.assert_array_equal(batch["label"], [1, 2])


def test_unbatch_of_scalars_is_an_error():
    with pytest.raises(ValueError, match="unbatch needs every component"):
        list(Dataset.range(3).unbatch())
