// Text labeling: the Text, HyperText and Paragraphs objects (spans on text, granularity, text
// positions as Label Studio counts them), each registering its tag on import.
import "./text.js";
import "./hypertext.js";
import "./paragraphs.js";
