"""kerax.estimator: tf.keras's `model_to_estimator` and tf.estimator's RunConfig, over a compiled kerax model
(estimator.py says what differs from TF's graph-based Estimator)."""
from kerax.estimator.estimator import Estimator
from kerax.saving import load_model
from kerax.estimator.run_config import RunConfig


def model_to_estimator(keras_model=None, keras_model_path=None, custom_objects=None, model_dir=None,
                       config=None, checkpoint_format="checkpoint", metric_names_map=None,
                       export_outputs=None):
    """An Estimator that trains `keras_model` (or the model saved at `keras_model_path`), which must be
    compiled."""
    if (keras_model is None) == (keras_model_path is None):
        raise ValueError("Either `keras_model` or `keras_model_path` needs to be provided (and not both).")
    if keras_model is None:
        keras_model = load_model(keras_model_path, custom_objects=custom_objects)
    if not keras_model.compiled:
        raise ValueError("The given keras model has not been compiled yet. Please compile the model with "
                         "`model.compile()` before calling `model_to_estimator()`.")
    config = config or RunConfig()
    return Estimator(keras_model, config.resolved_model_dir(model_dir), config)


__all__ = ["Estimator", "RunConfig", "model_to_estimator"]
