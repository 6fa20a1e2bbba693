"""The quantized dtype policies and DTypePolicyMap: names, dtypes, Keras's config forms."""
import pytest

from kerax import dtype_policies
from kerax.dtype_policies import (
    AWQDTypePolicy, DTypePolicy, DTypePolicyMap, GPTQDTypePolicy, Int4DTypePolicy, QuantizedDTypePolicy,
    QuantizedFloat8DTypePolicy,
)


def test_quantized_policy_names_dtypes_and_configs():
    policy = QuantizedDTypePolicy("int8", "mixed_bfloat16")
    assert (policy.name, policy.compute_dtype, policy.variable_dtype, policy.quantization_mode) == (
        "int8_from_mixed_bfloat16", "bfloat16", "float32", "int8")
    config = dtype_policies.serialize(policy)
    assert config["class_name"] == "QuantizedDTypePolicy"
    assert config["config"] == {"mode": "int8", "source_name": "mixed_bfloat16"}
    assert dtype_policies.deserialize(config) == policy
    assert dtype_policies.get("int8_from_mixed_bfloat16") == policy
    assert policy != DTypePolicy("mixed_bfloat16")
    with pytest.raises(ValueError, match="doesn't work well with compute_dtype='float16'"):
        QuantizedDTypePolicy("int8", "mixed_float16")
    with pytest.raises(ValueError, match="Invalid quantization mode"):
        QuantizedDTypePolicy("int3", "float32")


def test_float8_and_int4_policies():
    policy = dtype_policies.get("float8_from_float32")
    assert isinstance(policy, QuantizedFloat8DTypePolicy) and policy.amax_history_length == 1024
    custom = QuantizedFloat8DTypePolicy("float8", "float32", amax_history_length=8)
    again = dtype_policies.deserialize(dtype_policies.serialize(custom))
    assert again.amax_history_length == 8 and again == custom
    int4 = dtype_policies.get("int4/-1_from_float32")
    assert isinstance(int4, Int4DTypePolicy) and (int4.block_size, int4.quantization_mode) == (-1, "int4")
    assert dtype_policies.serialize(int4)["config"] == {"mode": "int4/-1", "source_name": "float32"}
    with pytest.raises(ValueError, match="Expected format 'int4/<block_size>'"):
        Int4DTypePolicy("int4", "float32")


def test_policy_map_lookup_and_round_trip():
    policy_map = DTypePolicyMap(default_policy="float32")
    policy_map["encoder/layer_0/dense"] = "bfloat16"
    policy_map["encoder/.*"] = "int8_from_float32"
    assert policy_map["encoder/layer_0/dense"].name == "bfloat16"
    assert policy_map["encoder/attention/query"].name == "int8_from_float32"
    assert policy_map["decoder"].name == "float32" and policy_map.name == "map_float32"
    again = dtype_policies.deserialize(dtype_policies.serialize(policy_map))
    assert again["encoder/x"] == QuantizedDTypePolicy("int8", "float32") and len(again) == 2
    policy_map["encoder/attention/.*"] = "float16"
    with pytest.raises(ValueError, match="matches multiple dtype policy"):
        policy_map["encoder/attention/query"]
    with pytest.raises(ValueError, match="already exist in the DTypePolicyMap"):
        policy_map["encoder/.*"] = "float16"


def test_gptq_and_awq_policies_are_not_implemented():
    for cls, mode in ((GPTQDTypePolicy, "gptq/4/128"), (AWQDTypePolicy, "awq/4/128")):
        with pytest.raises(NotImplementedError, match="quantization is not implemented"):
            cls(mode, "float32")
    with pytest.raises(NotImplementedError, match="GPTQ"):
        dtype_policies.get("gptq/4/128_from_float32")
