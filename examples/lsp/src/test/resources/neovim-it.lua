-- Driven by NeovimIT under Neovim 0.7+ (headless): starts cni-lsp with the built-in LSP client, opens a broken
-- conflist, waits for diagnostics, applies the quick fix for the misspelt key with vim.lsp.util.apply_workspace_edit,
-- requests completion inside a plugin object and hover on a key, then writes what it got to $C4J_OUT (JSON) and
-- the buffer to disk. Every wait is bounded; any failure is recorded in "error" and Neovim exits with code 1.
local out_path = assert(os.getenv('C4J_OUT'))
local file = assert(os.getenv('C4J_FILE'))
local server = assert(os.getenv('C4J_SERVER'))
local step_ms = tonumber(os.getenv('C4J_STEP_MS') or '15000')
local result = { diagnostics = {}, published = 0 }

local function finish(err)
  result.error = err
  local f = assert(io.open(out_path, 'w'))
  f:write(vim.fn.json_encode(result))
  f:close()
  vim.cmd(err and 'cquit!' or 'qall!')
end

local function wait(what, cond)
  if not vim.wait(step_ms, cond, 20) then
    error('timed out waiting for ' .. what, 0)
  end
end

local function run()
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local bufnr = vim.api.nvim_get_current_buf()
  local client_id = vim.lsp.start_client({
    name = 'cni-lsp',
    cmd = { server },
    root_dir = vim.fn.fnamemodify(file, ':h'),
    flags = { debounce_text_changes = 0 },
    handlers = {
      ['textDocument/publishDiagnostics'] = function(err, res, ctx, config)
        result.published = result.published + 1
        result.diagnostics = res.diagnostics
        vim.lsp.diagnostic.on_publish_diagnostics(err, res, ctx, config)
      end,
    },
  })
  assert(client_id, 'vim.lsp.start_client failed')
  vim.lsp.buf_attach_client(bufnr, client_id)
  wait('the first diagnostics', function() return result.published > 0 end)
  result.first = vim.deepcopy(result.diagnostics)

  -- The misspelt key: ask for the code actions at it (as vim.lsp.buf.code_action does; its options differ
  -- between 0.7 and later) and let Neovim apply the chosen action's WorkspaceEdit.
  local typo
  for _, d in ipairs(result.first) do
    if d.message:find('isGatway', 1, true) then typo = d end
  end
  assert(typo, 'no diagnostic for "isGatway"')
  local client = vim.lsp.get_client_by_id(client_id)
  local uri = vim.uri_from_bufnr(bufnr)
  local tick = vim.api.nvim_buf_get_changedtick(bufnr)
  local published = result.published
  local actions = client.request_sync('textDocument/codeAction', {
    textDocument = { uri = uri },
    range = { start = typo.range.start, ['end'] = typo.range.start },
    context = { diagnostics = { typo } },
  }, step_ms, bufnr)
  assert(actions and not actions.err, 'codeAction failed: ' .. vim.inspect(actions))
  result.actions = {}
  local chosen
  for _, a in ipairs(actions.result or {}) do
    table.insert(result.actions, a.title)
    if a.title == 'Change to "isGateway"' then chosen = a end
  end
  assert(chosen and chosen.edit, 'no quick fix "Change to \"isGateway\"" with an edit')
  result.action = chosen.title
  vim.lsp.util.apply_workspace_edit(chosen.edit, client.offset_encoding)
  wait('the quick fix to change the buffer', function()
    return vim.api.nvim_buf_get_changedtick(bufnr) ~= tick
  end)
  wait('diagnostics after the edit', function() return result.published > published end)
  result.after = vim.deepcopy(result.diagnostics)

  -- Completion inside the portmap object, just before its closing brace.
  local lines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, true)
  local cl, cc
  for i, l in ipairs(lines) do
    local s = l:find('"portmap"', 1, true)
    if s then cl, cc = i - 1, #l - 1 end
  end
  assert(cl, 'no portmap line')
  local resp = client.request_sync('textDocument/completion',
    { textDocument = { uri = uri }, position = { line = cl, character = cc } }, step_ms, bufnr)
  assert(resp and not resp.err, 'completion failed: ' .. vim.inspect(resp))
  result.completion = {}
  for _, item in ipairs(resp.result.items or resp.result) do
    table.insert(result.completion, item.label)
  end

  local hov = client.request_sync('textDocument/hover',
    { textDocument = { uri = uri },
      position = { line = typo.range.start.line, character = typo.range.start.character + 2 } },
    step_ms, bufnr)
  assert(hov and not hov.err and hov.result, 'hover failed: ' .. vim.inspect(hov))
  result.hover = hov.result.contents.value

  vim.cmd('write')
  client.stop()
  wait('the server to stop', function() return client.is_stopped() end)
end

local ok, err = pcall(run)
finish(not ok and tostring(err) or nil)
