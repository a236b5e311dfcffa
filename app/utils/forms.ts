// conform with zod: the same schema checks a form in the browser and on the server.
export { getFormProps, getInputProps, useForm } from "@conform-to/react";
export { parseWithZod } from "@conform-to/zod/v4";
