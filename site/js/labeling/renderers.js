// Every renderer of this issue; each module registers its tags on import. Later issues add
// their own modules here (objects/image.js, objects/audio.js, ...).
import "./layout.js";
import "./objects/text.js";
import "./objects/hypertext.js";
import "./objects/paragraphs.js";
import "./objects/display.js";
import "./controls/labels.js";
import "./controls/choices.js";
import "./controls/inputs.js";
import "./controls/taxonomy.js";
import "./controls/compare.js";
import "./image/index.js";
