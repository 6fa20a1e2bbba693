import numpy as np
import pytest

from kerax import utils


def one_hot_reference(labels, num_classes):
    out = np.zeros((len(labels), num_classes), dtype="float32")
    for row, label in enumerate(labels):
        out[row, label] = 1.0
    return out


def test_to_categorical_matches_one_hot_rows():
    y = np.array([0, 2, 1, 2])
    result = utils.to_categorical(y)
    assert result.dtype == np.float32
    np.testing.assert_array_equal(result, one_hot_reference(y, 3))


def test_to_categorical_column_input_squeezes_and_num_classes_pads():
    y = np.array([[1], [0], [3]])
    result = utils.to_categorical(y, num_classes=5)
    assert result.shape == (3, 5)
    np.testing.assert_array_equal(result, one_hot_reference([1, 0, 3], 5))


def test_to_categorical_lists_dtype_and_higher_rank():
    assert utils.to_categorical([1, 0], dtype="int32").dtype == np.int32
    grid = utils.to_categorical(np.array([[0, 1], [1, 1]]), 2)
    assert grid.shape == (2, 2, 2)
    np.testing.assert_array_equal(grid[0, 1], [0.0, 1.0])


def test_to_categorical_out_of_range_labels():
    with pytest.raises(ValueError, match="labels in \\[0, 3\\).*from 0 to 3"):
        utils.to_categorical([0, 3], num_classes=3)
    with pytest.raises(ValueError, match="-1"):
        utils.to_categorical([-1, 1], num_classes=3)


def test_normalize_l2_along_last_axis_and_zero_rows():
    x = np.array([[3.0, 4.0], [0.0, 0.0], [1.0, 1.0]])
    expected = x / np.array([[5.0], [1.0], [np.sqrt(2.0)]])
    np.testing.assert_allclose(utils.normalize(x), expected)


def test_normalize_other_axis_and_order():
    x = np.array([[1.0, -2.0], [3.0, 2.0]])
    np.testing.assert_allclose(utils.normalize(x, axis=0, order=1), x / np.array([[4.0, 4.0]]))
