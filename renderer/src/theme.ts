import { createTheme } from '@mantine/core';

/**
 * Calm, dense finance-tool look: system CJK fonts first (Microsoft YaHei on
 * Windows, Noto Sans CJK on Linux), compact sizes, one accent colour.
 */
const cjkStack =
  '-apple-system, "Segoe UI", "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif';

export const theme = createTheme({
  fontFamily: cjkStack,
  headings: { fontFamily: cjkStack, fontWeight: '600' },
  primaryColor: 'indigo',
  defaultRadius: 'sm',
  fontSizes: { xs: '12px', sm: '13px', md: '14px', lg: '16px', xl: '18px' },
  components: {
    TextInput: { defaultProps: { size: 'sm' } },
    Button: { defaultProps: { size: 'sm' } },
  },
});
