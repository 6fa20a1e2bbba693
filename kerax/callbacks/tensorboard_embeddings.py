"""Embedding matrices for TensorBoard's projector: a TSV of each embedding layer's vectors and a
`projector_config.pbtxt` pointing at them (the projector reads TSV tensors without TensorFlow)."""
import os

import numpy as np


def embedding_layers(model):
    """Layers holding an `embeddings` weight, as kerax's and Keras's Embedding layer do."""
    return [layer for layer in model._flatten_layers(include_self=False) if hasattr(layer, "embeddings")]


def write_projector(run_dir, layers, metadata):
    """`metadata`: None, one file path for every layer, or a dict layer name -> path (Keras's
    `embeddings_metadata`)."""
    # imported on first use: keeps `import kerax` fast
    from google.protobuf import text_format
    from tensorboard.plugins.projector import projector_config_pb2

    os.makedirs(run_dir, exist_ok=True)
    config = projector_config_pb2.ProjectorConfig()
    for layer in layers:
        tensor_file = f"{layer.name}_embeddings.tsv"
        np.savetxt(os.path.join(run_dir, tensor_file), np.asarray(layer.embeddings.numpy()), delimiter="\t")
        info = config.embeddings.add(tensor_name=layer.name, tensor_path=tensor_file)
        path = metadata.get(layer.name) if isinstance(metadata, dict) else metadata
        if path:
            info.metadata_path = os.path.abspath(path)
    with open(os.path.join(run_dir, "projector_config.pbtxt"), "w") as config_file:
        config_file.write(text_format.MessageToString(config))
