"""Where Keras's datasets come from: the file at each origin and its hash, as Keras 3.15 has them (the files
and cache names are Keras's, so a `~/.keras/datasets` Keras filled is used without downloading)."""
from kerax.utils.file_utils import get_file

TF_KERAS_DATASETS = "https://storage.googleapis.com/tensorflow/tf-keras-datasets/"
TORONTO_CIFAR = "https://www.cs.toronto.edu/~kriz/"

# file name at the origin -> (origin folder, sha256 or md5 hash, or None where Keras checks none)
FILES = {
    "mnist.npz": (TF_KERAS_DATASETS, "731c5ac602752760c8e48fbffcf8c3b850d9dc2a2aedcf2cc48468fc17b673d1"),
    "train-labels-idx1-ubyte.gz": (TF_KERAS_DATASETS, None),
    "train-images-idx3-ubyte.gz": (TF_KERAS_DATASETS, None),
    "t10k-labels-idx1-ubyte.gz": (TF_KERAS_DATASETS, None),
    "t10k-images-idx3-ubyte.gz": (TF_KERAS_DATASETS, None),
    "cifar-10-python.tar.gz": (
        TORONTO_CIFAR, "6d958be074577803d12ecdefd02955f39262c83c16fe9348329d7fe0b5c001ce"),
    "cifar-100-python.tar.gz": (
        TORONTO_CIFAR, "85cd44d02ba6437773c5bbd22e183051d648de2e7d6b014e1ef29b855ba677a7"),
    "imdb.npz": (TF_KERAS_DATASETS, "69664113be75683a8fe16e3ed0ab59fda8886cb3cd7ada244f7d9544e4676b9f"),
    "imdb_word_index.json": (TF_KERAS_DATASETS, "bfafd718b763782e994055a2d397834f"),
    "reuters.npz": (TF_KERAS_DATASETS, "d6586e694ee56d7a4e65172e12b3e987c03096cb01eab99753921ef915959916"),
    "reuters_word_index.json": (TF_KERAS_DATASETS, "4d44cc38712099c9e383dc6e5f11a921"),
    "boston_housing.npz": (
        TF_KERAS_DATASETS, "f553886a1f8d56431e820c5b82552d9d95cfcb96d1e678153f8839538947dff5"),
    "california_housing.npz": (
        TF_KERAS_DATASETS, "1a2e3a52e0398de6463aebe6f4a8da34fb21fbb6b934cf88c3425e766f2a1a6f"),
}


def fetch(name, fname=None, **kwargs):
    """The local path of the dataset file `name` (downloaded once), cached as `fname` (default: `name`)."""
    folder, file_hash = FILES[name]
    return get_file(fname or name, origin=folder + name, file_hash=file_hash, **kwargs)
