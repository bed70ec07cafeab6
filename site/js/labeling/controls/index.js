// Classification and input controls shared by every modality: Labels (and HyperTextLabels,
// ParagraphLabels), Choices, TextArea / Number / DateTime / Rating, Taxonomy, Ranker / Pairwise.
import "./labels.js";
import "./choices.js";
import "./inputs.js";
import "./taxonomy.js";
import "./compare.js";
