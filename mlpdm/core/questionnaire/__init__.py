"""The questionnaire: model, validation, extension, conditions, upgrades, length."""
