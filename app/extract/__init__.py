"""Pure extraction: article text in, frozen records with character offsets out."""
