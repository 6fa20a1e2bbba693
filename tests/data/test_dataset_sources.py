import numpy as np
import pytest

from kerax import data
from kerax.data import Dataset, TensorSpec


def as_list(ds):
    return [e for e in ds]


def test_from_tensor_slices_tuple_values_order_and_dtypes():
    x = np.arange(12, dtype="float32").reshape(6, 2)
    y = np.arange(6)
    elements = as_list(Dataset.from_tensor_slices((x, y)))
    assert len(elements) == 6
    for i, (xi, yi) in enumerate(elements):
        np.testing.assert_array_equal(xi, x[i])
        assert isinstance(yi, np.ndarray) and yi.shape == () and yi == i
        assert xi.dtype == np.float32 and yi.dtype == y.dtype


def test_from_tensor_slices_dicts_and_nesting():
    ds = Dataset.from_tensor_slices({"a": np.arange(3), "b": (np.ones((3, 2)), np.zeros(3))})
    first = next(iter(ds))
    assert set(first) == {"a", "b"} and isinstance(first["b"], tuple)
    np.testing.assert_array_equal(first["b"][0], [1.0, 1.0])
    assert [int(e["a"]) for e in ds] == [0, 1, 2]


def test_lists_become_arrays_with_tf_default_dtypes():
    values = as_list(Dataset.from_tensor_slices([[1.5, 2.0], [3.0, 4.0]]))
    assert values[0].dtype == np.float32 and values[0].shape == (2,)
    ints = as_list(Dataset.from_tensor_slices([1, 2, 3]))
    assert ints[2].dtype == np.int32 and ints[2] == 3


def test_elements_cannot_overwrite_the_source_arrays():
    x = np.arange(4.0)
    element = next(iter(Dataset.from_tensor_slices(x)))
    with pytest.raises(ValueError):
        element[...] = 10.0
    assert x[0] == 0.0


def test_from_tensor_slices_errors():
    with pytest.raises(ValueError, match="same first dimension.*\\[3, 4\\]"):
        Dataset.from_tensor_slices((np.zeros(3), np.zeros(4)))
    with pytest.raises(ValueError, match="scalar"):
        Dataset.from_tensor_slices(np.float32(1.0))
    with pytest.raises(ValueError, match="different shapes.*tuple"):
        Dataset.from_tensor_slices([np.zeros(3), np.zeros(4)])


def test_from_tensors_is_one_element():
    x = np.arange(6).reshape(2, 3)
    ds = Dataset.from_tensors((x, 7))
    (element,) = as_list(ds)
    np.testing.assert_array_equal(element[0], x)
    assert element[1] == 7 and ds.cardinality() == 1


def test_range_like_python_range():
    assert [int(v) for v in Dataset.range(5)] == list(range(5))
    assert [int(v) for v in Dataset.range(2, 11, 3)] == list(range(2, 11, 3))
    assert [int(v) for v in Dataset.range(5, 0, -2)] == [5, 3, 1]
    assert next(iter(Dataset.range(3))).dtype == np.int64
    assert len(Dataset.range(2, 11, 3)) == 3


def gen():
    for i in range(4):
        yield np.full((2,), i, dtype="float64"), i


def test_from_generator_is_restarted_each_pass_and_cast_to_types():
    ds = Dataset.from_generator(gen, output_types=("float32", "int64"), output_shapes=((2,), ()))
    for _ in range(2):
        elements = as_list(ds)
        assert [int(y) for _, y in elements] == [0, 1, 2, 3]
        assert elements[3][0].dtype == np.float32 and elements[3][1].dtype == np.int64
    assert ds.cardinality() == data.UNKNOWN_CARDINALITY


def test_from_generator_signature_args_and_shape_check():
    def counting(n):
        for i in range(n):
            yield {"x": [i, i]}

    signature = {"x": TensorSpec(shape=(None,), dtype="int32")}
    ds = Dataset.from_generator(counting, args=(3,), output_signature=signature)
    assert [e["x"].tolist() for e in ds] == [[0, 0], [1, 1], [2, 2]]
    assert ds.element_spec == signature
    bad = Dataset.from_generator(counting, args=(1,), output_signature={"x": TensorSpec((3,), "int32")})
    with pytest.raises(ValueError, match="shape \\(2,\\).*declared shape \\(3,\\)"):
        as_list(bad)


def test_from_generator_without_types_and_with_a_generator_object():
    assert [int(y) for _, y in Dataset.from_generator(gen)] == [0, 1, 2, 3]
    with pytest.raises(TypeError, match="callable"):
        Dataset.from_generator(gen())


def test_iterator_next_get_next_and_numpy_iterator():
    it = iter(Dataset.range(3))
    assert int(next(it)) == 0 and int(it.get_next()) == 1
    assert list(Dataset.range(3).as_numpy_iterator()) == [0, 1, 2]
    assert isinstance(next(Dataset.range(3).as_numpy_iterator()), np.integer)


def test_element_spec():
    ds = Dataset.from_tensor_slices((np.zeros((5, 3), "float32"), np.zeros(5, "int32")))
    assert ds.element_spec == (TensorSpec((3,), "float32"), TensorSpec((), "int32"))
    assert ds.batch(2).element_spec[0] == TensorSpec((None, 3), "float32")
    assert ds.batch(2, drop_remainder=True).element_spec[1] == TensorSpec((2,), "int32")
    assert ds.map(lambda x, y: x * 2).element_spec == TensorSpec((3,), "float32")
