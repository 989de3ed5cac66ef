"""The procedure editor: a person's draft of one procedure, edited step by step with the
swimlane and the linter's findings beside it, and saved as a new manual version."""
