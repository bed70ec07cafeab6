// Image labeling: the Image object, its region kinds (one per shape) and every image drawing
// control, registered by name.
import { loadCss } from "../../lib/css.js";
import { registerTag } from "../core/registry.js";
import { ImageObject, imageHotkeys } from "./object.js";
import { IMAGE_REGION_KINDS } from "./regions.js";
import "./controls.js";

loadCss("css/image.css");

registerTag("Image", {
  kind: "object", component: ImageObject, data: ["value", "valueList"], regions: IMAGE_REGION_KINDS, hotkeys: imageHotkeys,
});
