// Schemas of this part of the API; filled by the portal work.
export {};
