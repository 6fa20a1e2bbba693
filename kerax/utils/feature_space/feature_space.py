"""FeatureSpace (keras.utils.FeatureSpace): one object that preprocesses and encodes a dict of structured
features (floats, integer and string categories, hashed values and their crosses) into one vector ("concat")
or a dict of encoded features ("dict"), built from kerax's preprocessing layers.

kerax runs the whole FeatureSpace as one host layer (kerax/models/host_part.py): its lookups and crosses are
NumPy work that must happen before a compiled step, and a cross may read a feature that a device layer
(Discretization) produced. So `get_encoded_features()` is the output of one FeatureSpace node fed by the
`get_inputs()` Inputs, and a model from those Inputs runs it on the host, then compiles the rest.
"""
import numpy as np

from kerax import backend, layers, ops, saving
from kerax.data import Dataset
from kerax.layers.preprocessing import host_encoding
from kerax.layers.preprocessing.host_layer import HostLayer
from kerax.utils.feature_space import columns as column_utils
from kerax.utils.feature_space.features import Cross, as_object, cardinality
from kerax.utils.feature_space.kinds import FeatureKinds


class FeatureSpace(FeatureKinds, HostLayer):
    keras_identity = ("keras.utils", "FeatureSpace")

    def __init__(self, features, output_mode="concat", crosses=None, crossing_dim=32, hashing_dim=32,
                 num_discretization_bins=32, name=None, **kwargs):
        super().__init__(name=name, **kwargs)
        if not features:
            raise ValueError("The `features` argument cannot be None or empty.")
        if output_mode not in ("dict", "concat"):
            raise ValueError(f"Invalid value for argument `output_mode`. Expected one of "
                             f"{{'dict', 'concat'}}. Received: output_mode={output_mode}")
        self.output_mode, self.crossing_dim = output_mode, crossing_dim
        self.hashing_dim, self.num_discretization_bins = hashing_dim, num_discretization_bins
        self.features = {key: self._standardize_feature(key, value) for key, value in features.items()}
        self.crosses = [self._standardize_cross(cross) for cross in crosses or ()]
        self.crosses_by_name = {cross.name: cross for cross in self.crosses}
        self.inputs = {key: layers.Input(shape=(1,), dtype=feature.dtype, name=key)
                       for key, feature in self.features.items()}
        self.preprocessors = {key: feature.preprocessor for key, feature in self.features.items()}
        self.crossers = {cross.name: layers.HashedCrossing(cross.crossing_dim, name=cross.name)
                         for cross in self.crosses}
        self.one_hot_encoders = {}
        self.encoded_features = None
        self._is_adapted = False

    def _standardize_cross(self, cross):
        found = as_object(cross, Cross)
        if found is not None:
            return found
        if not self.crossing_dim:
            raise ValueError("When specifying `crosses`, the argument `crossing_dim` (dimensionality of the "
                             "crossing space) should be specified as well.")
        if any(key not in self.features for key in cross):
            raise ValueError(f"All features referenced in the `crosses` argument should be present in the "
                             f"`features` dict. Received unknown features: {cross}")
        return Cross(cross, crossing_dim=self.crossing_dim)

    # --- adapting -----------------------------------------------------------------------------------------
    def adapt(self, dataset):
        if not isinstance(dataset, Dataset):
            raise ValueError(f"`adapt()` can only be called on a kerax.data.Dataset (Keras: a "
                             f"tf.data.Dataset). Received instead: {dataset} (of type {type(dataset)})")
        names = [key for key, p in self.preprocessors.items() if column_utils.adaptable(p)]
        for key, values in column_utils.collect(dataset, names).items():
            self.preprocessors[key].adapt(values)
        self._is_adapted = True
        self.get_encoded_features()
        self.built = True

    def _check_if_adapted(self):
        if not self._is_adapted:
            if any(column_utils.adaptable(p) for p in self.preprocessors.values()):
                raise ValueError("You need to call `.adapt(dataset)` on the FeatureSpace before you can "
                                 "start using it.")
            self._is_adapted = True

    # --- the encoded features -----------------------------------------------------------------------------
    def get_inputs(self):
        self.get_encoded_features()
        return self.inputs

    def get_encoded_features(self):
        self._check_if_adapted()
        if self.encoded_features is None:
            self.encoded_features = self(self.inputs)
        return self.encoded_features

    def _output_names(self):
        return sorted(self.features) + sorted(self.crosses_by_name)

    def _spec_of(self, key):
        return self.features.get(key) or self.crosses_by_name[key]

    def _layer_of(self, key):
        return self.preprocessors.get(key) or self.crossers[key]

    def _encoder(self, key):
        if key not in self.one_hot_encoders:
            self.one_hot_encoders[key] = layers.CategoryEncoding(
                num_tokens=cardinality(key, self._layer_of(key)), output_mode="multi_hot")
        return self.one_hot_encoders[key]

    def _build_preprocessors(self):
        for preprocessor in self.preprocessors.values():
            if not preprocessor.built:
                preprocessor.build((None, 1))

    def compute_output_spec(self, inputs, *args, **kwargs):
        self._build_preprocessors()
        specs = {key: column_utils.encoded_spec(key, self._spec_of(key), self._layer_of(key))
                 for key in self._output_names()}
        if self.output_mode == "dict":
            return specs
        column_utils.check_concatenable(specs)
        width = sum(spec.shape[-1] for spec in specs.values())
        return backend.KerasTensor((None, width), dtype="float32")

    def build(self, input_shape):
        self.built = True

    def call(self, data):
        self._check_if_adapted()
        columns, rebatched = column_utils.as_columns(data, self.features)
        preprocessed = {key: self.preprocessors[key](columns[key]) for key in self.features}
        for cross in self.crosses:
            parts = [preprocessed[key] for key in cross.feature_names]
            preprocessed[cross.name] = self.crossers[cross.name](parts)
        encoded = {}
        for key in self._output_names():
            value = np.asarray(preprocessed[key])
            if self._spec_of(key).output_mode == "one_hot":  # the encoder's encoding, in NumPy on the host
                value = host_encoding.encode(value, "multi_hot", self._encoder(key).num_tokens, "float32")
            encoded[key] = value[0] if rebatched else value
        if self.output_mode == "dict":
            return {key: ops.convert_to_tensor(value) for key, value in encoded.items()}
        column_utils.check_concatenable(encoded)
        return ops.convert_to_tensor(np.concatenate([value.astype("float32") for value in encoded.values()],
                                                    axis=-1))

    # --- saving -------------------------------------------------------------------------------------------
    def save(self, filepath):
        """Saves the FeatureSpace to a `.keras` file; `kerax.saving.load_model` gives it back."""
        saving.save_model(self, filepath)

    def get_config(self):
        return {"features": {key: _serialized(feature) for key, feature in self.features.items()},
                "output_mode": self.output_mode, "crosses": [_serialized(cross) for cross in self.crosses],
                "crossing_dim": self.crossing_dim, "hashing_dim": self.hashing_dim,
                "num_discretization_bins": self.num_discretization_bins}

    @classmethod
    def from_config(cls, config):
        """A FeatureSpace rebuilt from a saved one counts as adapted (as Keras's build_from_config has
        it): its vocabularies and bins are in the config, its normalization statistics in the weights."""
        space = cls(**config)
        space._is_adapted = True
        space._build_preprocessors()  # ready for the saved normalization statistics
        return space


def _serialized(obj):
    module, class_name = obj.keras_identity
    return {"module": module, "class_name": class_name, "config": obj.get_config(),
            "registered_name": class_name}

