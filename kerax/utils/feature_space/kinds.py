"""FeatureKinds: FeatureSpace's constructors for each kind of feature (FeatureSpace.float_normalized(),
FeatureSpace.string_categorical(max_tokens=10), ...), and the kinds named by a string
(`{"age": "float_discretized"}`), which take FeatureSpace's defaults (hashing_dim,
num_discretization_bins)."""
from kerax import layers
from kerax.backend import naming
from kerax.utils.feature_space.features import Cross, Feature, as_object


def _name(name, kind):
    return f"{name or naming.uniquify(kind)}_preprocessor"


class FeatureKinds:
    @classmethod
    def cross(cls, feature_names, crossing_dim, output_mode="one_hot"):
        return Cross(feature_names, crossing_dim, output_mode=output_mode)

    @classmethod
    def feature(cls, dtype, preprocessor, output_mode):
        return Feature(dtype, preprocessor, output_mode)

    @classmethod
    def float(cls, name=None):
        return Feature("float32", layers.Identity(dtype="float32", name=_name(name, "float")), "float")

    @classmethod
    def float_rescaled(cls, scale=1.0, offset=0.0, name=None):
        rescaling = layers.Rescaling(scale=scale, offset=offset, name=_name(name, "float_rescaled"))
        return Feature("float32", rescaling, "float")

    @classmethod
    def float_normalized(cls, name=None):
        normalization = layers.Normalization(axis=-1, name=_name(name, "float_normalized"))
        return Feature("float32", normalization, "float")

    @classmethod
    def float_discretized(cls, num_bins, bin_boundaries=None, output_mode="one_hot", name=None):
        discretization = layers.Discretization(num_bins=num_bins, bin_boundaries=bin_boundaries,
                                               name=_name(name, "float_discretized"))
        return Feature("float32", discretization, output_mode)

    @classmethod
    def integer_categorical(cls, max_tokens=None, num_oov_indices=1, output_mode="one_hot", name=None):
        lookup = layers.IntegerLookup(name=_name(name, "integer_categorical"), max_tokens=max_tokens,
                                      num_oov_indices=num_oov_indices)
        return Feature("int32", lookup, output_mode)

    @classmethod
    def string_categorical(cls, max_tokens=None, num_oov_indices=1, output_mode="one_hot", name=None):
        lookup = layers.StringLookup(name=_name(name, "string_categorical"), max_tokens=max_tokens,
                                     num_oov_indices=num_oov_indices)
        return Feature("string", lookup, output_mode)

    @classmethod
    def string_hashed(cls, num_bins, output_mode="one_hot", name=None):
        return Feature("string", layers.Hashing(name=_name(name, "string_hashed"), num_bins=num_bins),
                       output_mode)

    @classmethod
    def integer_hashed(cls, num_bins, output_mode="one_hot", name=None):
        return Feature("int32", layers.Hashing(name=_name(name, "integer_hashed"), num_bins=num_bins),
                       output_mode)

    def _standardize_feature(self, name, feature):
        found = as_object(feature, Feature)
        if found is not None:
            return found
        kinds = {
            "float": lambda: self.float(name=name),
            "float_normalized": lambda: self.float_normalized(name=name),
            "float_rescaled": lambda: self.float_rescaled(name=name),
            "float_discretized": lambda: self.float_discretized(self.num_discretization_bins, name=name),
            "integer_categorical": lambda: self.integer_categorical(name=name),
            "string_categorical": lambda: self.string_categorical(name=name),
            "integer_hashed": lambda: self.integer_hashed(self.hashing_dim, name=name),
            "string_hashed": lambda: self.string_hashed(self.hashing_dim, name=name),
        }
        if not isinstance(feature, str) or feature not in kinds:
            raise ValueError(f"Invalid feature type: {feature}. Expected a FeatureSpace.<kind>(...) object "
                             f"or one of {sorted(kinds)}.")
        return kinds[feature]()
