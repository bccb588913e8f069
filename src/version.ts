/** The tool's name and version, recorded in every manifest. */
export const TOOL_NAME = 'nianbao';
export const TOOL_VERSION = '0.1.0';
