"""keras.utils.FeatureSpace and the Feature / Cross objects it is configured with."""
from kerax.saving import layer_registry
from kerax.utils.feature_space.feature_space import FeatureSpace
from kerax.utils.feature_space.features import Cross, Feature

layer_registry.register_model_classes(FeatureSpace)  # saved models holding one find it by name

__all__ = ["Cross", "Feature", "FeatureSpace"]
