// Generated from schemas/model.schema.json by `make schema`; do not edit.

enum BundledSchema {
    static let text = #"""
{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://modelreg.dev/schemas/model.schema.json",
  "title": "modelreg model entry",
  "description": "One machine-learning model in the modelreg registry. Each entry lives in registry/<id>.yaml. Cross-file rules (unique ids and aliases, lineage, replacements, projection and Matryoshka consistency, positive dimensions, artifact hashes) are checked by the modelreg verifier, not by this schema.",
  "type": "object",
  "required": [
    "schema_version",
    "id",
    "name",
    "type",
    "license",
    "description"
  ],
  "additionalProperties": false,
  "properties": {
    "schema_version": {
      "description": "Version of this entry format. Always 1 for now.",
      "type": "integer",
      "const": 1
    },
    "id": {
      "$ref": "#/$defs/id",
      "description": "Registry identifier, unique across the registry and equal to the file name without .yaml. Lowercase letters, digits, '.' and '-', starting and ending with a letter or digit, no two separators in a row, at most 64 characters (e.g. qwen2.5-0.5b-instruct)."
    },
    "name": {
      "description": "Human-readable display name (e.g. \"ColBERTv2\").",
      "type": "string",
      "minLength": 1
    },
    "type": {
      "description": "Model family: colbert (late interaction, one vector per token), dense (one vector per text), sparse (vocabulary-sized weights, e.g. SPLADE), cross-encoder (scores query/document pairs), causal-lm, seq2seq, vision-language, speech, or other.",
      "type": "string",
      "enum": [
        "colbert",
        "dense",
        "sparse",
        "cross-encoder",
        "causal-lm",
        "seq2seq",
        "vision-language",
        "speech",
        "other"
      ]
    },
    "license": {
      "description": "License as a lowercase SPDX-like identifier, e.g. apache-2.0, mit, cc-by-nc-4.0, cc-by-nc-sa-4.0, or other for custom terms (explain in metadata).",
      "type": "string",
      "minLength": 1,
      "pattern": "^[a-z0-9][a-z0-9.+-]*$"
    },
    "description": {
      "description": "What the model is and what it is good for, in a sentence or two.",
      "type": "string",
      "minLength": 1
    },
    "huggingface_id": {
      "description": "Hugging Face Hub repository as org/name (e.g. BAAI/bge-m3).",
      "type": "string",
      "pattern": "^[A-Za-z0-9][A-Za-z0-9._-]*/[A-Za-z0-9][A-Za-z0-9._-]*$"
    },
    "revision": {
      "description": "Hugging Face Hub commit to pin: the full 40-character lowercase hex commit id.",
      "type": "string",
      "pattern": "^[0-9a-f]{40}$"
    },
    "organization": {
      "description": "Organization or authors that released the model (e.g. Alibaba Qwen team).",
      "type": "string",
      "minLength": 1
    },
    "release_date": {
      "$ref": "#/$defs/partial_date",
      "description": "Public release date as YYYY, YYYY-MM or YYYY-MM-DD."
    },
    "architecture": {
      "description": "Network architecture details.",
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "type": {
          "description": "Backbone family, usually the transformers model_type (e.g. bert, xlm-roberta, nomic_bert, qwen2, qwen2_vl, whisper).",
          "type": "string",
          "minLength": 1
        },
        "variant": {
          "description": "Free-form variant or size label (e.g. base, large, MiniLM-L6-H384). Quote version-like values in YAML.",
          "type": "string",
          "minLength": 1
        },
        "has_projection": {
          "description": "Whether a linear projection head maps hidden states to the output embedding. If true, projection_dims must be present and equal specs.embedding_dim; if false, projection_dims must be absent.",
          "type": "boolean"
        },
        "projection_dims": {
          "description": "Output size of the projection head; must equal specs.embedding_dim.",
          "type": "integer",
          "minimum": 1
        },
        "matryoshka_dims": {
          "description": "Truncation sizes supported through Matryoshka representation learning, strictly descending, each at most specs.embedding_dim (e.g. [768, 512, 256, 128, 64]). Present exactly when capabilities.matryoshka is true.",
          "type": "array",
          "minItems": 1,
          "uniqueItems": true,
          "items": {
            "description": "One supported embedding size.",
            "type": "integer",
            "minimum": 1
          }
        }
      }
    },
    "specs": {
      "description": "Size and shape figures. Dimension fields must be positive (checked by the positive-dimensions rule).",
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "parameters": {
          "description": "Parameter count: either a short string with a K, M, B or T suffix (e.g. 110M, 22.7M, 7.6B) or an exact integer.",
          "anyOf": [
            {
              "description": "Abbreviated count such as 110M or 0.49B.",
              "type": "string",
              "pattern": "^[0-9]+(\\.[0-9]+)?[KMBT]$"
            },
            {
              "description": "Exact parameter count.",
              "type": "integer",
              "minimum": 1
            }
          ]
        },
        "embedding_dim": {
          "description": "Size of the output vector (per token for ColBERT models, vocabulary size for sparse models).",
          "type": "integer"
        },
        "hidden_dim": {
          "description": "Hidden size of the transformer (hidden_size / d_model).",
          "type": "integer"
        },
        "context_length": {
          "description": "Maximum number of input tokens the model is meant to be used with; at most max_position_embeddings when both are given.",
          "type": "integer"
        },
        "max_position_embeddings": {
          "description": "Position-embedding table size from the model config (max_position_embeddings).",
          "type": "integer"
        },
        "vocab_size": {
          "description": "Tokenizer vocabulary size from the model config.",
          "type": "integer"
        },
        "num_layers": {
          "description": "Number of transformer layers (for encoder-decoder models, layers per stack).",
          "type": "integer"
        }
      }
    },
    "capabilities": {
      "description": "What the model can do.",
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "languages": {
          "description": "Supported languages as ISO 639 codes with optional subtags (en, zh, pt-BR), or multilingual.",
          "type": "array",
          "uniqueItems": true,
          "items": {
            "description": "A language code such as en or zh-Hans, or the special value multilingual.",
            "type": "string",
            "anyOf": [
              {
                "pattern": "^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$"
              },
              {
                "const": "multilingual"
              }
            ]
          }
        },
        "modalities": {
          "description": "Input modalities the model accepts.",
          "type": "array",
          "minItems": 1,
          "uniqueItems": true,
          "items": {
            "description": "One modality: text, vision, audio or video.",
            "type": "string",
            "enum": [
              "text",
              "vision",
              "audio",
              "video"
            ]
          }
        },
        "multi_vector": {
          "description": "Whether the model can produce several vectors per input (late interaction / ColBERT-style).",
          "type": "boolean"
        },
        "matryoshka": {
          "description": "Whether embeddings may be truncated to the sizes in architecture.matryoshka_dims.",
          "type": "boolean"
        },
        "quantization": {
          "description": "Precisions or quantized formats available for this model.",
          "type": "array",
          "uniqueItems": true,
          "items": {
            "description": "One precision or quantization format.",
            "type": "string",
            "enum": [
              "fp32",
              "fp16",
              "bf16",
              "fp8",
              "int8",
              "int4",
              "q4_k_m",
              "q5_k_m",
              "q8_0",
              "awq",
              "gptq"
            ]
          }
        }
      }
    },
    "performance": {
      "description": "Published benchmark scores, keyed by benchmark name (lowercase, e.g. mteb_avg, beir13_avg_ndcg10, msmarco_dev_mrr10). Values are numbers as reported, usually on a 0-100 scale.",
      "type": "object",
      "propertyNames": {
        "description": "Benchmark name: lowercase letters, digits, '_', '.' and '-'.",
        "pattern": "^[a-z0-9][a-z0-9_.-]*$"
      },
      "additionalProperties": {
        "description": "Score for this benchmark.",
        "type": "number"
      }
    },
    "roles": {
      "description": "Jobs this model is used for in our stack (open list), e.g. retrieval, rerank, embedding, chat, caption, keywords, description, transcription. caption, keywords and description need a vision modality.",
      "type": "array",
      "uniqueItems": true,
      "items": {
        "description": "One role: lowercase, starting with a letter, using letters, digits and '-'.",
        "type": "string",
        "pattern": "^[a-z][a-z0-9-]*$"
      }
    },
    "priority": {
      "description": "Order among entries with the same role when a role is resolved: lower first; entries without a priority come after those with one, then by id.",
      "type": "integer"
    },
    "aliases": {
      "description": "Other names that resolve to this entry (e.g. Hub ids, short names). Unique case-insensitively across all ids and aliases.",
      "type": "array",
      "uniqueItems": true,
      "items": {
        "description": "An alternative name: letters, digits, '.', '_', '/' and '-', starting with a letter or digit.",
        "type": "string",
        "maxLength": 128,
        "pattern": "^[A-Za-z0-9][A-Za-z0-9._/-]*$"
      }
    },
    "backend": {
      "description": "How the model is served.",
      "type": "object",
      "required": [
        "kind"
      ],
      "additionalProperties": false,
      "properties": {
        "kind": {
          "description": "Serving engine: vllm, ollama, gguf (llama.cpp), lmdeploy, transformers, onnx or other.",
          "type": "string",
          "enum": [
            "vllm",
            "ollama",
            "gguf",
            "lmdeploy",
            "transformers",
            "onnx",
            "other"
          ]
        },
        "served_model_id": {
          "description": "Model name clients send to the server (e.g. the vLLM --served-model-name or the Ollama tag).",
          "type": "string",
          "minLength": 1
        },
        "port": {
          "description": "TCP port the server listens on.",
          "type": "integer",
          "minimum": 1,
          "maximum": 65535
        },
        "model_path": {
          "description": "Local path of the weights (file or folder) used by the backend.",
          "type": "string",
          "minLength": 1
        },
        "extra_args": {
          "description": "Extra command-line arguments passed to the server, one argument per item.",
          "type": "array",
          "items": {
            "description": "One command-line argument.",
            "type": "string"
          }
        }
      }
    },
    "fine_tuned_from": {
      "$ref": "#/$defs/id",
      "description": "Registry id of the model this one was fine-tuned from. Must exist; lineage must not form a cycle."
    },
    "deprecated": {
      "description": "Marks the model as deprecated: either true, or an object with since, reason and replaced_by. Omit the key when the model is not deprecated.",
      "anyOf": [
        {
          "description": "Deprecated, without further details.",
          "type": "boolean",
          "const": true
        },
        {
          "description": "Deprecation details.",
          "type": "object",
          "additionalProperties": false,
          "properties": {
            "since": {
              "$ref": "#/$defs/partial_date",
              "description": "When the model was deprecated, as YYYY, YYYY-MM or YYYY-MM-DD."
            },
            "reason": {
              "description": "Why the model is deprecated.",
              "type": "string",
              "minLength": 1
            },
            "replaced_by": {
              "$ref": "#/$defs/id",
              "description": "Registry id of the recommended replacement. Must exist and must not be deprecated itself."
            }
          }
        }
      ]
    },
    "artifacts": {
      "description": "Exact files of the model with their SHA-256 hashes.",
      "type": "object",
      "required": [
        "files",
        "aggregate_sha256"
      ],
      "additionalProperties": false,
      "properties": {
        "files": {
          "description": "Every file of the model folder. Paths are relative, normalized and unique.",
          "type": "array",
          "minItems": 1,
          "items": {
            "description": "One file.",
            "type": "object",
            "required": [
              "path",
              "sha256",
              "size"
            ],
            "additionalProperties": false,
            "properties": {
              "path": {
                "description": "Path relative to the model folder, using '/' (e.g. 1_Pooling/config.json).",
                "type": "string",
                "minLength": 1
              },
              "sha256": {
                "$ref": "#/$defs/sha256",
                "description": "SHA-256 of the file content, 64 lowercase hex digits."
              },
              "size": {
                "description": "File size in bytes.",
                "type": "integer",
                "minimum": 0
              }
            }
          }
        },
        "aggregate_sha256": {
          "$ref": "#/$defs/sha256",
          "description": "SHA-256 over the lines '<sha256>  <path>\\n' of all files, sorted bytewise; the same as `sha256sum FILES | LC_ALL=C sort | sha256sum` run inside the model folder."
        }
      }
    },
    "version_lock": {
      "description": "Pins the model to an exact set of files.",
      "type": "object",
      "required": [
        "locked"
      ],
      "additionalProperties": false,
      "properties": {
        "locked": {
          "description": "Whether the model is locked. When true, artifacts must be present and expected_aggregate_sha256 must equal artifacts.aggregate_sha256.",
          "type": "boolean"
        },
        "expected_aggregate_sha256": {
          "$ref": "#/$defs/sha256",
          "description": "Aggregate SHA-256 the files must have."
        },
        "last_verified": {
          "description": "When the files were last checked against the lock, as an ISO 8601 date-time with seconds and a time zone (e.g. 2025-01-31T12:00:00Z).",
          "type": "string",
          "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})$"
        }
      }
    },
    "metadata": {
      "description": "Free-form extra information (sources, notes, upstream details). Any keys and values are allowed here.",
      "type": "object"
    }
  },
  "$defs": {
    "id": {
      "description": "A registry id: lowercase letters, digits, '.' and '-', starting and ending with a letter or digit, no two separators in a row, 1 to 64 characters.",
      "type": "string",
      "minLength": 1,
      "maxLength": 64,
      "pattern": "^[a-z0-9]+([.-][a-z0-9]+)*$"
    },
    "sha256": {
      "description": "A SHA-256 digest: 64 lowercase hex digits.",
      "type": "string",
      "pattern": "^[0-9a-f]{64}$"
    },
    "partial_date": {
      "description": "A date as YYYY, YYYY-MM or YYYY-MM-DD (month 01-12, day 01-31).",
      "type": "string",
      "pattern": "^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"
    }
  }
}
"""#
}
