"""Feature and Cross: what a FeatureSpace is told about each input feature (its dtype, the preprocessing layer
that turns it into numbers, and how that output is encoded: "int", "one_hot" or "float") and about each
feature cross. Saved as Keras saves them, under keras.src.layers.preprocessing.feature_space."""
from kerax import layers, serialization

KERAS_MODULE = "keras.src.layers.preprocessing.feature_space"
_LOOKUPS = (layers.StringLookup, layers.IntegerLookup)


def _checked(output_mode, allowed):
    if output_mode not in allowed:
        raise ValueError(f"Invalid value for argument `output_mode`. Expected one of {set(allowed)}. "
                         f"Received: output_mode={output_mode}")
    return output_mode


class Cross:
    keras_identity = (KERAS_MODULE, "Cross")

    def __init__(self, feature_names, crossing_dim, output_mode="one_hot"):
        self.feature_names = tuple(feature_names)
        self.crossing_dim = crossing_dim
        self.output_mode = _checked(output_mode, ("int", "one_hot"))

    @property
    def name(self):
        return "_X_".join(self.feature_names)

    def get_config(self):
        return {"feature_names": self.feature_names, "crossing_dim": self.crossing_dim,
                "output_mode": self.output_mode}

    @classmethod
    def from_config(cls, config):
        return cls(**config)


class Feature:
    keras_identity = (KERAS_MODULE, "Feature")

    def __init__(self, dtype, preprocessor, output_mode):
        self.output_mode = _checked(output_mode, ("int", "one_hot", "float"))
        if isinstance(preprocessor, dict):
            preprocessor = serialization.deserialize_keras_object(preprocessor)
        self.dtype, self.preprocessor = dtype, preprocessor

    def get_config(self):
        """The preprocessor's config carries its adapted vocabulary, so that a reloaded FeatureSpace knows the
        width of its one-hot outputs when its model's graph is rebuilt (before any asset is read)."""
        preprocessor = serialization.serialize_keras_object(self.preprocessor)
        if isinstance(self.preprocessor, _LOOKUPS) and self.preprocessor.input_vocabulary is None \
                and self.preprocessor.vocabulary_size() > _special_tokens(self.preprocessor):
            vocabulary = self.preprocessor.get_vocabulary(include_special_tokens=False)
            preprocessor["config"]["vocabulary"] = [_plain(token) for token in vocabulary]
        return {"dtype": self.dtype, "preprocessor": preprocessor, "output_mode": self.output_mode}

    @classmethod
    def from_config(cls, config):
        return cls(**config)


def as_object(value, cls):
    """A Feature / Cross given as itself or as its saved form."""
    if isinstance(value, cls):
        return value
    if isinstance(value, dict) and value.get("class_name") == cls.__name__:
        return cls.from_config(value["config"])
    return None


def cardinality(name, preprocessor):
    """How many values an integer-valued preprocessor's output takes (the width of its one-hot encoding)."""
    if isinstance(preprocessor, _LOOKUPS):
        return preprocessor.vocabulary_size()
    if isinstance(preprocessor, layers.CategoryEncoding):
        return preprocessor.num_tokens
    if isinstance(preprocessor, layers.Discretization) and preprocessor.bin_boundaries is not None:
        return len(preprocessor.bin_boundaries) + 1
    if isinstance(preprocessor, (layers.Hashing, layers.HashedCrossing)):
        return preprocessor.num_bins
    raise ValueError(f"Feature '{name}' has `output_mode='one_hot'`. However it isn't a standard feature and "
                     f"the dimensionality of its output space is not known, thus it cannot be one-hot "
                     f"encoded. Try using `output_mode='int'`.")


def _special_tokens(lookup):
    return lookup.num_oov_indices + (lookup.mask_token is not None)


def _plain(token):
    return token.decode("utf-8") if isinstance(token, bytes) else token.item() if hasattr(token, "item") \
        else token
